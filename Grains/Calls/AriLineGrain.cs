using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Calls;

namespace Switchboard.Grains.Calls;

/// <summary>
/// Holds the observer of the gateway running a site's ARI adapter, and hands it the call grains' pushed commands and the campaigns' originates. Kept
/// in memory only: the gateway registers again on every connection to Asterisk and at each renewal, so after a silo or
/// gateway restart the way is back within one <c>AriLine.Renewal</c>. Reentrant: a push waits on the gateway, and
/// pushes for different calls (and a gateway's renewal) must not queue behind it.
/// </summary>
[Reentrant]
public sealed class AriLineGrain(ILogger<AriLineGrain> logger) : Grain, IAriLineGrain
{
    private IAriCommandObserver? _line;

    public Task Register(IAriCommandObserver line)
    {
        _line = line;
        return Task.CompletedTask;
    }

    public async Task<bool> Push(string callId, IReadOnlyList<PhoneCommand> commands)
    {
        if (_line is not { } line)
        {
            logger.LogWarning("Commands for ARI call {Call} ({Key}) not pushed: no gateway with the site's ARI connection has registered",
                callId, this.GetPrimaryKeyString());
            return false;
        }
        try
        {
            if (await line.Take(callId, commands))
            {
                return true;
            }
            logger.LogWarning("Commands for ARI call {Call} ({Key}) not taken: the ARI gateway does not know the call",
                callId, this.GetPrimaryKeyString());
            return false;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The gateway went away (a restart): its successor registers anew; until then the pushes are refused.
            if (ReferenceEquals(_line, line))
            {
                _line = null;
            }
            logger.LogWarning("Commands for ARI call {Call} ({Key}) not pushed: the ARI gateway did not answer ({Problem})",
                callId, this.GetPrimaryKeyString(), failure.Message);
            return false;
        }
    }

    public async Task<AriOriginateAnswer> Originate(string callId, string to)
    {
        if (_line is not { } line)
        {
            return AriOriginateAnswer.NoLine;
        }
        try
        {
            return new AriOriginateAnswer(true, await line.Originate(callId, to));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // As for a push: the gateway went away and its successor registers anew. The dialler books the attempt not
            // started (retried), rather than sending the call where an ARI site has no PBX (a commandUrl).
            if (ReferenceEquals(_line, line))
            {
                _line = null;
            }
            return new AriOriginateAnswer(true, $"the ARI gateway did not answer ({failure.Message})");
        }
    }
}
