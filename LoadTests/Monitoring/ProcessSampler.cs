namespace Switchboard.LoadTests.Monitoring;

/// <summary>Samples a process once a second from /proc until stopped.</summary>
public sealed class ProcessSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly WatchedProcess _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ProcessSample> _samples = [];
    private readonly Task _loop;

    private ProcessSampler(WatchedProcess process)
    {
        _process = process;
        _loop = Task.Run(LoopAsync);
    }

    public static ProcessSampler Start(WatchedProcess process) => new(process);

    public async Task<ProcessSummary> StopAsync()
    {
        _stop.Cancel();
        await _loop;
        return new ProcessSummary(_process.Name, _process.Pid, _samples);
    }

    private async Task LoopAsync()
    {
        var first = ProcStat.Read(_process.Pid);
        var previous = first;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (ProcStat.Read(_process.Pid) is not { } now || previous is null || first is null)
                {
                    continue;
                }
                var wall = (now.At - previous.At).TotalSeconds;
                var cpu = wall > 0 ? (now.CpuTime - previous.CpuTime).TotalSeconds / wall * 100 : 0;
                _samples.Add(new ProcessSample((now.At - first.At).TotalSeconds, cpu, now.RssBytes, now.Threads));
                previous = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
