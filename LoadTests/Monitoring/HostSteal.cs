using System.Globalization;
using Switchboard.LoadTests.Reports;

namespace Switchboard.LoadTests.Monitoring;

/// <summary>
/// The CPU time the hypervisor gave to other guests while this machine's processes wanted it ("steal" in
/// <c>/proc/stat</c>, summed over the cores). A virtual machine's figures move with its neighbours: a run from which
/// the host took seconds of CPU is not comparable with one it left alone, and the report says which it was.
/// </summary>
public sealed record HostSteal(TimeSpan Stolen)
{
    /// <summary>The steal so far in a <c>/proc/stat</c> text; null when it has no aggregate line with a steal column.</summary>
    public static HostSteal? From(string procStat)
    {
        foreach (var line in procStat.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("cpu "))
            {
                continue;
            }
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice
            var fields = line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 8 && long.TryParse(fields[8], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new HostSteal(TimeSpan.FromSeconds(ticks / ProcStat.TicksPerSecond))
                : null;
        }
        return null;
    }

    /// <summary>This machine's reading now; null where there is no <c>/proc/stat</c>.</summary>
    public static HostSteal? Read()
    {
        try
        {
            return From(File.ReadAllText("/proc/stat"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>What the host took between <paramref name="before"/> and this reading, <paramref name="elapsed"/> apart, on <paramref name="cores"/> cores.</summary>
    public string Since(HostSteal before, TimeSpan elapsed, int cores)
    {
        var stolen = Stolen - before.Stolen;
        var share = elapsed > TimeSpan.Zero && cores > 0 ? stolen / (elapsed * cores) * 100 : 0;
        return $"the host took {Format.Number(stolen.TotalSeconds, "0.00")} s of CPU from this machine (steal time) in " +
            $"{Format.Seconds(elapsed)}, {Format.Number(share, "0.0")} % of its {cores} cores";
    }
}
