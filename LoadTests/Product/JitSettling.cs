using Switchboard.LoadTests.Monitoring;

namespace Switchboard.LoadTests.Product;

/// <summary>
/// Whether a server's JIT has settled under the load just started: the compile time its <c>/metrics</c> reports
/// (<c>dotnet_jit_compilation_time_seconds_total</c>) grew by less than <see cref="QuietShare"/> of a core since the
/// last look, at least <see cref="Interval"/> before. A new load's methods go through tiered compilation for several
/// seconds after they first run (up to 0.9 s of a core each second on the benchmark machine, for 7–9 s), and a
/// warm-up shorter than that measures the JIT, not the steady state a running gateway is in. Once settled it stays
/// settled; a server without the figure (the echo server, metrics off) counts as settled at once.
/// </summary>
public sealed class JitSettling(Uri metrics, TimeProvider? clock = null)
{
    public const double QuietShare = 0.02;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const string Counter = "dotnet_jit_compilation_time_seconds_total";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long At, double Seconds)? _last;
    private bool _settled;

    public static JitSettling For(ServerProcess server) => new(server.Metrics);

    public async Task<bool> SettledAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_settled)
            {
                return true;
            }
            var now = _clock.GetTimestamp();
            if (_last is { } recent && _clock.GetElapsedTime(recent.At, now) < Interval * 0.9)
            {
                return false;
            }
            if (await ReadAsync() is not { } seconds)
            {
                return _settled = true;
            }
            if (_last is { } last)
            {
                _settled = (seconds - last.Seconds) / _clock.GetElapsedTime(last.At, now).TotalSeconds < QuietShare;
            }
            _last = (now, seconds);
            return _settled;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<double?> ReadAsync() =>
        await PrometheusText.ScrapeAsync(metrics) is { } scrape ? PrometheusText.Sample(scrape, Counter) : null;
}
