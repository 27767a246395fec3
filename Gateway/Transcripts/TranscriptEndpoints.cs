using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;

namespace Switchboard.Gateway.Transcripts;

public static class TranscriptEndpoints
{
    public const int MaxEvents = 10_000;

    public static IEndpointRouteBuilder MapTranscripts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sites/{site}/conversations/{id}", Transcript).RequireAuthorization();
        return app;
    }

    /// <summary>A conversation and its events, as frames: for operators and supervisors of the conversation's site.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Transcript(
        string site, string id, HttpContext http, IGrainFactory grains)
    {
        var identity = http.User.Identity();
        if (identity.Site != site)
        {
            return TypedResults.Problem(statusCode: 403, title: "Your account belongs to another site.");
        }
        var conversation = grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, id));
        try
        {
            var actor = identity.ToActor();
            var snapshot = await conversation.GetSnapshot(actor);
            var events = await conversation.GetEvents(actor, 0, MaxEvents);
            var body = WireJson.Frame("transcript", (snapshot, events), static (writer, state) =>
            {
                writer.WriteStartObject("conversation");
                writer.WriteString("id", state.snapshot.Id);
                writer.WriteString("status", state.snapshot.Status);
                writer.WriteNumber("lastSeq", state.snapshot.LastSeq);
                writer.WriteString("queue", state.snapshot.Queue);
                writer.WriteString("channel", state.snapshot.Channel);
                writer.WriteString("visitorId", state.snapshot.VisitorId);
                writer.WriteStringIfNotNull("operatorId", state.snapshot.OperatorId);
                writer.WriteEndObject();
                writer.WriteStartArray("events");
                foreach (var evt in state.events)
                {
                    EventFrames.WriteEvent(writer, state.snapshot.Id, evt, Audience.Operator);
                }
                writer.WriteEndArray();
            });
            return TypedResults.File(body, "application/json");
        }
        catch (SwitchboardException refusal) when (refusal.Code == ErrorCodes.NotFound)
        {
            return TypedResults.Problem(statusCode: 404, title: refusal.Message);
        }
    }
}
