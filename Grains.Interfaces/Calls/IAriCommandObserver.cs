namespace Switchboard.Contracts.Calls;

/// <summary>
/// The gateway that holds a site's ARI connection, as the call grains reach it: commands for an Asterisk call in
/// progress that the product decides on between its events (an operator accepted, a transfer, nobody answered).
/// </summary>
[Alias("Switchboard.IAriCommandObserver")]
public interface IAriCommandObserver : IGrainObserver
{
    /// <summary>
    /// True when the gateway took the commands for call <paramref name="callId"/> (it knows the call, and will carry them
    /// out in order after whatever the call is doing now); false when it does not know the call.
    /// </summary>
    [Alias("Take")]
    Task<bool> Take(string callId, IReadOnlyList<PhoneCommand> commands);

    /// <summary>
    /// Dials <paramref name="to"/> as call <paramref name="callId"/> over the site's ARI connection (a campaign's call from
    /// a silo without one); null when Asterisk took it, else why not.
    /// </summary>
    [Alias("Originate")]
    Task<string?> Originate(string callId, string to);
}
