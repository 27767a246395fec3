using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Calls;

namespace Switchboard.Grains.Calls;

/// <summary>A silo that cannot reach PBXs (no gateway in its process): every push fails with a log line, never silently.</summary>
public sealed class NoPhoneCommandPort(ILogger<NoPhoneCommandPort> logger) : IPhoneCommandPort
{
    public Task<bool> PushAsync(string site, string callId, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken)
    {
        logger.LogWarning("Commands for call {Site}/{Call} not pushed: this silo has no way to the PBX's commandUrl", site, callId);
        return Task.FromResult(false);
    }
}
