namespace Switchboard.Contracts.Operators;

/// <summary>
/// A one-time ticket for an operator's WebSocket handshake, key <c>ticket:{random}</c>: browsers cannot set headers on
/// a handshake, and a token in the URL would be written to every proxy's log. Held in memory only, on whichever silo,
/// so any gateway can redeem it; a lost ticket is simply asked for again.
/// </summary>
[Alias("Switchboard.IOperatorTicketGrain")]
public interface IOperatorTicketGrain : IGrainWithStringKey
{
    /// <summary>Holds the operator's token until <paramref name="expires"/> or the first redemption.</summary>
    [Alias("Issue")]
    Task Issue(string token, DateTimeOffset expires);

    /// <summary>The token, once; null when the ticket is unknown, used or expired.</summary>
    [Alias("Redeem")]
    Task<string?> Redeem();
}
