using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;

namespace Switchboard.Gateway.Crm;

public static class CustomerCardEndpoints
{
    public const int MaxPhoneLength = 32;

    /// <summary>
    /// <c>GET /api/sites/{site}/conversations/{id}/customer[?confirmedPhone=…]</c>: the CRM's card for the chat's customer,
    /// matched only on what is proven (docs/crm.md): the verified customer id, else a phone number the operator confirmed
    /// with the customer. A number the visitor typed (a callback request) or the caller ID the PBX reports (which callers
    /// can spoof) is never looked up on its own: it comes back as <c>candidatePhone</c> in the 404, for the operator to
    /// confirm. 501 when the site has no CRM (<see cref="CrmScope"/>); 404 when there is nothing proven to look up or the
    /// CRM does not know them; 504 when the CRM is too slow; 502 when it fails.
    /// </summary>
    public static RouteGroupBuilder MapCustomerCard(this RouteGroupBuilder site)
    {
        site.MapGet("/conversations/{id}/customer", async (
            string site, string id, string? confirmedPhone, HttpContext http, IGrainFactory grains, CrmScope scope, CrmClient crm) =>
        {
            var actor = http.User.Identity().ToActor();
            var conversation = grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, id));
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
            if (confirmedPhone is not null && !IsPhone(confirmedPhone))
            {
                return TypedResults.Problem(statusCode: 400, title: $"confirmedPhone is a phone number of at most {MaxPhoneLength} digits, spaces and + - ( ).");
            }
            var visitor = await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, snapshot.VisitorId)).GetVisit();
            if (visitor.CustomerId is null && confirmedPhone is null)
            {
                return await Unproven(conversation, actor, snapshot);
            }
            // The signed (or retailer-linked) customer id wins over any number: it is the stronger proof.
            var matchedBy = visitor.CustomerId is not null ? CardMatch.VerifiedCustomerId : CardMatch.OperatorConfirmedPhone;
            var (customerId, phone) = visitor.CustomerId is not null ? (visitor.CustomerId, null) : ((string?)null, confirmedPhone);
            try
            {
                return await crm.FindAsync(site, customerId, phone, http.RequestAborted) is { } card
                    ? Results.Ok(new MatchedCustomerCard(matchedBy, card))
                    : TypedResults.Problem(statusCode: 404, title: "The CRM has no such customer.");
            }
            catch (CrmException failure)
            {
                return TypedResults.Problem(statusCode: failure.TimedOut ? 504 : 502, title: failure.Message);
            }
        });
        return site;
    }

    /// <summary>Not signed in: the number there is (the caller's, else the one they left) goes back for the operator to confirm.</summary>
    private static async Task<IResult> Unproven(IConversationGrain conversation, Actor actor, ConversationSnapshot snapshot)
    {
        var events = await conversation.GetEvents(actor, 0, 10_000);
        var candidate = snapshot.Channel == ChannelNames.Phone
            ? events.FirstOrDefault(e => e.Type == EventTypes.Started)?.ContactId
            : events.LastOrDefault(e => e.Type == EventTypes.Callback)?.Phone;
        if (candidate is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "The visitor is not signed in and left no phone number.");
        }
        return TypedResults.Problem(statusCode: 404,
            title: "The visitor is not signed in: confirm their phone number with them to look them up.",
            extensions: new Dictionary<string, object?> { ["candidatePhone"] = candidate });
    }

    private static bool IsPhone(string phone) => phone.Length is > 0 and <= MaxPhoneLength
        && phone.Any(char.IsAsciiDigit) && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
}
