using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone;

public static class CallBackEndpoint
{
    /// <summary>
    /// <c>POST /api/sites/{site}/conversations/{id}/call-back</c>: an operator calls back the number a chat or a caller
    /// left: an <c>originate</c> to the phone channel's <c>commandUrl</c>; the call's events then arrive at the hook and
    /// are recorded on the conversation. 202 with the call id; 404 without a callback number; 409 without a
    /// <c>commandUrl</c>; 502 when the PBX does not take the command.
    /// </summary>
    public static RouteGroupBuilder MapCallBack(this RouteGroupBuilder site)
    {
        site.MapPost("/conversations/{id}/call-back", async (
            string site, string id, HttpContext http, IGrainFactory grains, PhoneChannelSettings settings, PhoneCommandSender sender,
            AriService ari, ILogger<PhoneChannel> logger) =>
        {
            var actor = http.User.Identity().ToActor();
            string? phone;
            try
            {
                var events = await grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, id)).GetEvents(actor, 0, 10_000);
                phone = events.LastOrDefault(e => e.Type == EventTypes.Callback)?.Phone;
            }
            catch (SwitchboardException refusal)
            {
                return TypedResults.Problem(statusCode: 404, title: refusal.Message);
            }
            if (phone is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "No callback was requested in this conversation.");
            }
            var channel = await settings.ForAsync(site);
            if (!ari.Serves(site) && channel is not { CommandUrl: { Length: > 0 } })
            {
                return TypedResults.Problem(statusCode: 409, title: "The site's phone channel has no commandUrl to start calls through.");
            }
            var callId = CallIds.CallBackPrefix + GrainKeys.NewId();
            await grains.Grain<ICallGrain>(GrainKeys.Call(site, callId)).CallingBack(id, phone, actor.Id);
            try
            {
                if (ari.Serves(site))
                {
                    // Over ARI the operator who pressed call back is rung once the customer picks up.
                    await ari.OriginateAsync(site, callId, phone, actor.Id, http.RequestAborted);
                }
                else
                {
                    await sender.SendAsync(channel!, new OriginateCommand(callId, phone, OriginateCommand.RingSeconds), http.RequestAborted);
                }
            }
            catch (PhoneCommandException failure)
            {
                logger.LogWarning("Call back {Call} for conversation {Conversation} on site {Site} not started: {Problem}", callId, id, site, failure.Message);
                return TypedResults.Problem(statusCode: 502, title: failure.Message);
            }
            return Results.Accepted(value: new { callId });
        });
        return site;
    }
}
