using Microsoft.Extensions.Time.Testing;

namespace Switchboard.Tests.Infrastructure;

/// <summary>The gateway's clock in the ARI tests: fake, and it says when a timer of a given length is set, so a test advances time only once the adapter waits on it.</summary>
public sealed class AriTestClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly SignalBoard _created = new();
    private readonly List<TimeSpan> _dueTimes = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }
        _created.Pulse();
        return timer;
    }

    /// <summary>How many timers of <paramref name="dueTime"/> were set so far.</summary>
    public int Count(TimeSpan dueTime)
    {
        lock (_dueTimes)
        {
            return _dueTimes.Count(d => d == dueTime);
        }
    }

    /// <summary>Waits until the <paramref name="nth"/> timer of <paramref name="dueTime"/> has been set.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, int nth)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            var created = _created.Current;
            if (Count(dueTime) >= nth)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Expected timer number {nth} of {dueTime} to be set within {Waits.Signal}");
            await Task.WhenAny(created, Task.Delay(deadline - DateTime.UtcNow));
        }
    }
}
