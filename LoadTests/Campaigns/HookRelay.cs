using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Campaigns;

/// <summary>The PBX's way to the gateway's phone hook, pointed once the gateway (which needs the PBX's address first) has started.</summary>
public sealed class HookRelay
{
    private PhoneHookClient? _client;

    public Func<string, string, string, object?, Task> Client => (callId, from, type, data) =>
        (_client ?? throw new InvalidOperationException("The gateway has not started yet.")).SendAsync(callId, from, type, data, CancellationToken.None);

    public void Point(PhoneHookClient client) => _client = client;
}
