using System.Runtime;
using System.Runtime.InteropServices;

namespace Switchboard.LoadTests.Bench;

/// <summary>The machine the figures came from, as the report's set-up table says it.</summary>
public static class MachineInfo
{
    public static IEnumerable<KeyValuePair<string, string>> Describe()
    {
        yield return new("machine", $"{Cpu()}, {Environment.ProcessorCount} cores shared by the servers and the load generator");
        yield return new("memory", $"{Memory()}");
        yield return new("open files per process", OpenFilesLimit());
        yield return new("OS", RuntimeInformation.OSDescription);
        yield return new(".NET", $"{RuntimeInformation.FrameworkDescription}; servers run with {ServerGc()} GC, the load generator with {(GCSettings.IsServerGC ? "server" : "workstation")} GC{RuntimeOverrides()}");
    }

    private static string ServerGc() => Environment.GetEnvironmentVariable("DOTNET_gcServer") is "0" ? "workstation" : "server";

    /// <summary>The runtime settings given to every process of the run (an A/B of benchmarks.md), so a report says which side it is.</summary>
    private static string RuntimeOverrides()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("DOTNET_", StringComparison.Ordinal) && name != "DOTNET_gcServer" && !name.StartsWith("DOTNET_CLI", StringComparison.Ordinal)
                && (name.StartsWith("DOTNET_GC", StringComparison.Ordinal) || name.StartsWith("DOTNET_ThreadPool", StringComparison.Ordinal)
                    || name.StartsWith("DOTNET_Tiered", StringComparison.Ordinal) || name.StartsWith("DOTNET_TC_", StringComparison.Ordinal) || name == "DOTNET_ReadyToRun"))
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}")
            .ToList();
        return set.Count == 0 ? "" : $"; set for every process: {string.Join(", ", set)}";
    }

    /// <summary>The 1-minute load average: anything above the benchmark's own processes was other work on the shared machine.</summary>
    public static string LoadAverage() => Read("/proc/loadavg").FirstOrDefault()?.Split(' ')[0] ?? "unknown";

    private static string Cpu() => Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
        ? line[(line.IndexOf(':') + 1)..].Trim()
        : RuntimeInformation.ProcessArchitecture.ToString();

    private static string Memory() => Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
        && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb)
        ? $"{kb / 1024.0 / 1024.0:0.#} GiB"
        : "unknown";

    private static string OpenFilesLimit() => Read("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
        ? line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]
        : "unknown";

    private static IEnumerable<string> Read(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
