using System.Security.Cryptography;
using Switchboard.Contracts;
using Switchboard.Contracts.Operators;

namespace Switchboard.Gateway.Auth;

/// <summary>
/// One-time tickets for the operator socket's handshake: <c>POST /api/ws-ticket</c> with the token in the header
/// gives a random ticket that opens one socket within <see cref="Lifetime"/>, on any gateway of the cluster.
/// </summary>
public sealed class WebSocketTickets(IGrainFactory grains, TimeProvider clock)
{
    public const string QueryName = "ticket";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<string> IssueAsync(string token)
    {
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await grains.Grain<IOperatorTicketGrain>(Key(ticket)).Issue(token, clock.GetUtcNow() + Lifetime);
        return ticket;
    }

    /// <summary>The token behind the ticket, once; null for anything that is not a live ticket.</summary>
    public async Task<string?> RedeemAsync(string? ticket) =>
        ticket is { Length: 64 } && ticket.All(char.IsAsciiHexDigitLower)
            ? await grains.Grain<IOperatorTicketGrain>(Key(ticket)).Redeem()
            : null;

    private static string Key(string ticket) => "ticket:" + ticket;
}
