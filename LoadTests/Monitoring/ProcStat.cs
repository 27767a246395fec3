using System.Globalization;

namespace Switchboard.LoadTests.Monitoring;

/// <summary>Reads a Linux process's CPU time and memory from /proc/&lt;pid&gt;; null where /proc is not there.</summary>
public static class ProcStat
{
    /// <summary>USER_HZ: the unit of utime and stime, and of <c>/proc/stat</c>; 100 on every Linux the project runs on.</summary>
    public const double TicksPerSecond = 100;

    public static ProcessReading? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses: fields are counted after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            long rss = 0, threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = long.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
                }
            }
            return new ProcessReading(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(cpu), rss, (int)threads);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Open file descriptors: one per socket, so the count of connections a server holds.</summary>
    public static int OpenFiles(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
