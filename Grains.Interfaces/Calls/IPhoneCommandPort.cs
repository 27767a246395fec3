namespace Switchboard.Contracts.Calls;

/// <summary>
/// The way to a site's PBX for commands the product decides on between the PBX's events (an operator accepted, nobody
/// took the call): pushed to the phone channel's <c>commandUrl</c>. Implemented where the channel's credentials are
/// read (the gateway); a silo without a gateway in its process has one that refuses with a log line.
/// </summary>
public interface IPhoneCommandPort
{
    /// <summary>True when the PBX took the commands for call <paramref name="callId"/>; false (with a log line saying why) otherwise.</summary>
    Task<bool> PushAsync(string site, string callId, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken);
}
