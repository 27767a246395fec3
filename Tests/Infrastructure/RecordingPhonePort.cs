using System.Collections.Concurrent;
using System.Threading.Channels;
using Switchboard.Contracts.Calls;

namespace Switchboard.Tests.Infrastructure;

/// <summary>The PBX's side of the silo's pushes: records the commands each call was sent, and lets a test wait for them.</summary>
public sealed class RecordingPhonePort : IPhoneCommandPort
{
    private readonly ConcurrentDictionary<string, Channel<IReadOnlyList<PhoneCommand>>> _calls = new();

    public Task<bool> PushAsync(string site, string callId, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken)
    {
        Of(site, callId).Writer.TryWrite(commands);
        return Task.FromResult(true);
    }

    /// <summary>The next commands pushed for the call, or a failure saying what was expected.</summary>
    public async Task<IReadOnlyList<PhoneCommand>> NextAsync(string site, string callId, string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        try
        {
            return await Of(site, callId).Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected} pushed for call {callId} within {Waits.Signal}.");
        }
    }

    /// <summary>Whether anything was pushed for the call that no <see cref="NextAsync"/> has taken.</summary>
    public bool HasPending(string site, string callId) => Of(site, callId).Reader.TryPeek(out _);

    private Channel<IReadOnlyList<PhoneCommand>> Of(string site, string callId) =>
        _calls.GetOrAdd($"{site}/{callId}", _ => Channel.CreateUnbounded<IReadOnlyList<PhoneCommand>>());
}
