using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;

namespace Switchboard.Gateway.Workplace;

/// <summary>What the operator's console reads besides the socket: canned responses and tags, own ratings, a visitor's history.</summary>
public static class WorkplaceEndpoints
{
    public sealed record CannedAndTags(IReadOnlyList<CannedResponse> Canned, IReadOnlyList<string> Tags);

    public static RouteGroupBuilder MapWorkplace(this RouteGroupBuilder site, RouteGroupBuilder admin)
    {
        site.MapGet("/canned", async (string site, HttpContext http, IGrainFactory grains) =>
        {
            var me = http.User.Identity();
            var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
            var mine = await grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, me.Login)).GetCanned();
            return Results.Ok(new { site = config?.CannedResponses ?? [], mine, tags = config?.Tags ?? [] });
        });
        site.MapPut("/operators/me/canned", async (string site, IReadOnlyList<CannedResponse> body, HttpContext http, IGrainFactory grains) =>
            await Refusals(() => grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, http.User.Identity().Login)).SetCanned(body)));
        site.MapGet("/operators/me/ratings", async (string site, HttpContext http, IGrainFactory grains) =>
            Results.Ok(await grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, http.User.Identity().Login)).GetRatings()));
        site.MapGet("/visitors/{visitorId}/conversations", async (string site, string visitorId, HttpContext http, IGrainFactory grains) =>
        {
            var actor = http.User.Identity().ToActor();
            var ids = await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId)).GetConversations();
            var conversations = new List<(DateTimeOffset? StartedAt, object Row)>();
            foreach (var id in ids)
            {
                var conversation = grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, id));
                var events = await conversation.GetEvents(actor, 0, 1);
                var snapshot = await conversation.GetSnapshot(actor);
                conversations.Add((StartedAt: events.FirstOrDefault()?.At, Row: new
                {
                    id, status = snapshot.Status, startedAt = events.FirstOrDefault()?.At, queue = snapshot.Queue,
                    @operator = snapshot.OperatorName, channel = snapshot.Channel,
                }));
            }
            // A customer's conversations come from every channel they used: newest first, whichever it was.
            return Results.Ok(conversations.OrderByDescending(c => c.StartedAt).Select(c => c.Row));
        });
        admin.MapPut("/canned", (string site, CannedAndTags body, IGrainFactory grains) =>
            Refusals(() => grains.Grain<ISiteGrain>(GrainKeys.Site(site)).SetCannedAndTags(body.Canned, body.Tags)));
        admin.MapPut("/monitor-thresholds", (string site, MonitorThresholds body, IGrainFactory grains) =>
            Refusals(() => grains.Grain<ISiteGrain>(GrainKeys.Site(site)).SetMonitor(body)));
        return site;
    }

    private static async Task<IResult> Refusals(Func<Task> change)
    {
        try
        {
            await change();
            return Results.NoContent();
        }
        catch (SwitchboardException refusal)
        {
            return TypedResults.Problem(statusCode: 400, title: refusal.Message);
        }
    }
}
