using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Campaigns;
using Switchboard.Gateway.Campaigns;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary>
/// <c>POST /hooks/phone/{site}</c>: a signed event of one call in, what the PBX should do next for it out. No operator
/// token: the signature is the authentication, checked over the raw body before anything is read from it.
/// </summary>
public static class PhoneHookEndpoint
{
    /// <summary>A phone event is a few hundred bytes; anything much larger is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPhoneHook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/phone/{site}", Handle).DisableAntiforgery();
        app.MapPromptSpeech();
        return app;
    }

    private static async Task<IResult> Handle(
        string site, HttpRequest request, PhoneChannelSettings settings, IGrainFactory grains, OrderStatusReader orders,
        PromptSpeech speech, ILogger<PhoneChannel> logger, CancellationToken cancellationToken)
    {
        var body = await RawBody.ReadAsync(request, MaxBodyBytes);
        if (await settings.ForAsync(site) is not { } channel || body is null
            || !PhoneSignature.IsValid(channel.SigningSecret, body, request.Headers[PhoneSignature.Header]))
        {
            logger.LogWarning("Phone event for site {Site} refused: no phone channel, a body over the limit, or a bad signature", site);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var (evt, problem) = Parse(body);
        if (evt is null)
        {
            logger.LogWarning("Phone event for site {Site} refused: {Problem}", site, problem);
            return TypedResults.Problem(statusCode: 400, title: problem);
        }
        if (CampaignCallIds.IsCampaignCall(evt.CallId))
        {
            return await request.HttpContext.RequestServices.GetRequiredService<CampaignCallHook>().AnswerAsync(site, evt, channel, request, cancellationToken);
        }
        CallAnswer answer;
        try
        {
            answer = await grains.Grain<ICallGrain>(GrainKeys.Call(site, evt.CallId))
                .Handle(evt with { PbxTakesCommands = !string.IsNullOrEmpty(channel.CommandUrl) });
        }
        catch (SwitchboardException refusal)
        {
            logger.LogWarning("Phone event {Event} ({Type}) of call {Call} on site {Site} refused: {Problem}",
                evt.EventId, evt.Type, evt.CallId, site, refusal.Message);
            return TypedResults.Problem(statusCode: refusal.Code == ErrorCodes.NotFound ? 404 : 400, title: refusal.Message);
        }
        if (answer.Ignored is { } why)
        {
            logger.LogWarning("Phone event {Event} ({Type}) of call {Call} on site {Site} changed nothing: {Why}",
                evt.EventId, evt.Type, evt.CallId, site, why);
        }
        var commands = answer.Commands;
        if (answer.ReadOrderStatus)
        {
            var status = await orders.ReadAsync(site, evt.From, answer.Language, cancellationToken);
            commands = [PhoneCommand.Say(status, answer.Language), .. commands];
        }
        commands = await speech.WithAudio(commands, $"{request.Scheme}://{request.Host}", channel.RenderSpeech, cancellationToken);
        return TypedResults.Json(new PhoneCommandsJson(commands), PhoneCommandsJson.Options);
    }

    /// <summary>The event in a hook's body, or why it is not one (public for the fuzz target, LoadTests/Fuzz).</summary>
    public static (PhoneEvent? Event, string? Problem) Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PhoneEventJson>(body, PhoneCommandsJson.Options)?.ToEvent() ?? (null, "the body is not an event");
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }
        catch (InvalidOperationException)
        {
            // A string of the event's data that is not valid UTF-8 (checked only when it is read).
            return (null, "the body is not valid UTF-8 JSON");
        }
    }
}
