using System.Collections.Concurrent;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;

namespace Switchboard.Tests.Infrastructure;

/// <summary>A push observer that records what grains push and lets a test wait for a particular push.</summary>
public sealed class RecordingObserver : IPushObserver
{
    private readonly ConcurrentQueue<object> _pushes = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<object> Pushes => _pushes.ToList();

    public IReadOnlyList<ConversationEvent> EventsOf(string conversationKey) =>
        _pushes.OfType<(string Key, ConversationEvent Event)>().Where(p => p.Key == conversationKey).Select(p => p.Event).ToList();

    public Task OnEvent(string conversationKey, ConversationEvent evt) => Record((conversationKey, evt));

    public Task OnSignal(ConversationSignal signal) => Record(signal);

    public Task OnOperatorNotice(OperatorNotice notice) => Record(notice);

    public Task OnVisitorNotice(VisitorNotice notice) => Record(notice);

    /// <summary>Waits until a push matching <paramref name="match"/> has arrived; fails saying what was expected.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool> match, string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        while (true)
        {
            foreach (var push in _pushes.OfType<T>())
            {
                if (match(push))
                {
                    return push;
                }
            }
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {expected} within {Waits.Signal}; got: {string.Join(", ", _pushes)}");
            }
        }
    }

    private Task Record(object push)
    {
        _pushes.Enqueue(push);
        _arrived.Release();
        return Task.CompletedTask;
    }
}
