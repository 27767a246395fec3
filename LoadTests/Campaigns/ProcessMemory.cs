using System.Globalization;

namespace Switchboard.LoadTests.Campaigns;

/// <summary>A process's resident memory now and at its peak, from Linux's <c>/proc/{pid}/status</c> (zero elsewhere).</summary>
public sealed record ProcessMemory(double ResidentMb, double PeakMb)
{
    public static ProcessMemory Of(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return new(0, 0);
        }
        var lines = File.ReadAllLines(path);
        double Kb(string key) => lines.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) : 0;
        return new(Kb("VmRSS") / 1024, Kb("VmHWM") / 1024);
    }
}
