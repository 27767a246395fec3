using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;

namespace Switchboard.Gateway.Crm;

public static class CustomerCardEndpoints
{
    /// <summary>
    /// <c>GET /api/sites/{site}/conversations/{id}/customer</c>: the CRM's card for the chat's visitor, by their verified
    /// customer id, else the phone they left (a caller: the number they call from). 501 when the site has no CRM
    /// (<see cref="CrmScope"/>); 404 when there is nothing to look up or the CRM does not know them; 504 when the CRM is
    /// too slow; 502 when it fails.
    /// </summary>
    public static RouteGroupBuilder MapCustomerCard(this RouteGroupBuilder site)
    {
        site.MapGet("/conversations/{id}/customer", async (string site, string id, HttpContext http, IGrainFactory grains, CrmScope scope, CrmClient crm) =>
        {
            var actor = http.User.Identity().ToActor();
            var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id));
            ConversationSnapshot snapshot;
            try
            {
                snapshot = await conversation.GetSnapshot(actor);
            }
            catch (SwitchboardException refusal)
            {
                return TypedResults.Problem(statusCode: 404, title: refusal.Message);
            }
            if (!scope.HasCrm(site))
            {
                return TypedResults.Problem(statusCode: 501, title: CrmScope.NotConfiguredTitle);
            }
            var visitor = await grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, snapshot.VisitorId)).GetVisit();
            var events = await conversation.GetEvents(actor, 0, 10_000);
            // A caller is looked up by the number they call from (the screen-pop), anyone else by the one they left.
            var phone = snapshot.Channel == ChannelNames.Phone
                ? events.FirstOrDefault(e => e.Type == EventTypes.Started)?.ContactId
                : events.LastOrDefault(e => e.Type == EventTypes.Callback)?.Phone;
            if (visitor.CustomerId is null && phone is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "The visitor is not signed in and left no phone number.");
            }
            try
            {
                return await crm.FindAsync(visitor.CustomerId, phone, http.RequestAborted) is { } card
                    ? Results.Ok(card)
                    : TypedResults.Problem(statusCode: 404, title: "The CRM has no such customer.");
            }
            catch (CrmException failure)
            {
                return TypedResults.Problem(statusCode: failure.TimedOut ? 504 : 502, title: failure.Message);
            }
        });
        return site;
    }
}
