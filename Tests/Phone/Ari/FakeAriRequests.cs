using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>What the fake ARI has seen, oldest first, and waits on it: each change wakes the waiters, each wait has a timeout.</summary>
public sealed class FakeAriRequests
{
    private readonly List<AriRequest> _requests = [];
    private readonly SignalBoard _changed = new();

    public IReadOnlyList<AriRequest> All
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Record(HttpRequest request)
    {
        lock (_requests)
        {
            _requests.Add(new AriRequest(request.Method, request.Path.Value!, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())));
        }
        _changed.Pulse();
    }

    /// <summary>Something else changed that a waiter may be looking for (a connection, a refusal).</summary>
    public void Changed() => _changed.Pulse();

    public async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            var changed = _changed.Current;
            if (done())
            {
                return;
            }
            var remaining = deadline - DateTime.UtcNow;
            Assert.True(remaining > TimeSpan.Zero, $"Expected {what} at the fake ARI within {Waits.Signal}; requests: {string.Join(", ", All)}");
            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }
}
