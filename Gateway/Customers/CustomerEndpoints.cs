using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Privacy;

namespace Switchboard.Gateway.Customers;

/// <summary>
/// One customer across channels: the retailer links a customer's messenger and phone identities to their customer id,
/// after which chats from any of them are routed sticky to the customer's last operator and listed together.
/// </summary>
public static class CustomerEndpoints
{
    public const int MaxCustomerIdLength = 128;

    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder site, RouteGroupBuilder admin)
    {
        site.MapGet("/customers/{customerId}", async (string site, string customerId, IGrainFactory grains) =>
            IsCustomerId(customerId)
                ? Results.Ok(await grains.Grain<ICustomerGrain>(GrainKeys.Customer(site, customerId)).GetProfile())
                : BadCustomerId());
        admin.MapPut("/customers/{customerId}/identities/{channel}/{platformId}",
            async (string site, string customerId, string channel, string platformId, IGrainFactory grains) =>
            {
                if (!IsCustomerId(customerId))
                {
                    return BadCustomerId();
                }
                if (!ChannelNames.IsKnown(channel) || channel == ChannelNames.Web || !ContactIds.IsValid(platformId))
                {
                    return TypedResults.Problem(statusCode: 400,
                        title: "An identity is a messenger or phone channel and the person's id there (letters, digits, + - _ .).");
                }
                // The customer first: a chat that starts in between is then at worst not yet listed, never routed to a stranger.
                await grains.Grain<ICustomerGrain>(GrainKeys.Customer(site, customerId)).Link(new ChannelIdentity(channel, platformId));
                await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, ContactIds.VisitorId(channel, platformId))).LinkCustomer(customerId);
                return Results.NoContent();
            });
        admin.MapCustomerPrivacy();
        return site;
    }

    /// <summary>The retailer's own ids: account numbers, e-mail addresses, GUIDs.</summary>
    public static bool IsCustomerId(string customerId) => customerId.Length is > 0 and <= MaxCustomerIdLength
        && customerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '_' or '.' or '@');

    public static IResult BadCustomerId() =>
        TypedResults.Problem(statusCode: 400, title: $"A customer id is at most {MaxCustomerIdLength} letters, digits and + - _ . @ characters.");
}
