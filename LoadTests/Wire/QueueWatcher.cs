using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// An operator's view of the queues (<c>GET /api/sites/{site}/queues</c>, the waiting work operators read), read by
/// one loop at most every <see cref="ReadEvery"/> while someone waits; tells each waiter when a number it waits for is
/// listed, as a callback waiting.
/// </summary>
public sealed class QueueWatcher(Target target, string site) : IAsyncDisposable
{
    /// <summary>
    /// The pace of the reads. Each read copies the queue's whole waiting list inside its queue grain, the grain every
    /// new call is routed through: read back to back, they kept that grain busy and new calls queued behind them. A read
    /// every 50 ms costs the grain little, and adds at most that much to the callback's measured time.
    /// </summary>
    public static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(50);

    private readonly HttpClient _http = new() { BaseAddress = target.Http, Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();
    private readonly SemaphoreSlim _someoneWaits = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public long Reads { get; private set; }

    public void Start(string operatorToken)
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
        _loop = Task.Run(ReadAsync);
    }

    /// <summary>How long after <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) <paramref name="phone"/> was first listed.</summary>
    public async Task<TimeSpan> ListedAsync(string phone, long since, CancellationToken cancellationToken)
    {
        var listed = _waiting.GetOrAdd(phone, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        _someoneWaits.Release();
        return Stopwatch.GetElapsedTime(since, await listed.Task.WaitAsync(cancellationToken));
    }

    private async Task ReadAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (_waiting.IsEmpty)
                {
                    // Nobody waits: no reads, so the watcher costs the gateway nothing between callbacks.
                    await _someoneWaits.WaitAsync(_stop.Token);
                    continue;
                }
                var started = Stopwatch.GetTimestamp();
                var listing = await _http.GetStringAsync($"api/sites/{site}/queues", _stop.Token);
                Reads++;
                var seen = Stopwatch.GetTimestamp();
                foreach (var (phone, waiter) in _waiting)
                {
                    if (listing.Contains(phone, StringComparison.Ordinal) && _waiting.TryRemove(phone, out _))
                    {
                        waiter.TrySetResult(seen);
                    }
                }
                if (ReadEvery - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } rest)
                {
                    await Task.Delay(rest, _stop.Token);
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
        _someoneWaits.Dispose();
    }
}
