namespace Switchboard.LoadTests.Runner;

/// <summary>
/// Writes a line per scenario every second while a run goes on: its rate, failures and p99 in the second just
/// gone, so a person watching a long run sees it stall or fail at once rather than in the report.
/// </summary>
public sealed class LiveProgress(IReadOnlyList<ScenarioStats> scenarios, TextWriter output, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Writes until <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                WriteLastSecond();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    public void WriteLastSecond()
    {
        var now = DateTime.Now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var scenario in scenarios)
        {
            output.WriteLine($"{now} {scenario.LastSecond()}");
        }
        output.Flush();
    }
}
