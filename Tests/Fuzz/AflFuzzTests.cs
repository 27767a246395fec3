using System.ComponentModel;
using System.Diagnostics;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Fuzz;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Fuzz;

/// <summary>
/// A brief coverage-guided run of every fuzz target under afl-fuzz in each CI run (docs/fuzzing.md
/// says how to run for hours): a copy of the load-test program with the targets' assemblies instrumented, a few
/// seconds per target from the seed corpus, and no crash or hang saved. The run must also have executed inputs,
/// so a harness that never reaches afl-fuzz's fork server fails rather than passing empty.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class AflFuzzTests(InstrumentedProgram program) : IClassFixture<InstrumentedProgram>, IDisposable
{
    private const int SecondsPerTarget = 8;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(SecondsPerTarget + 60);

    private readonly TempDirectory _work = new();

    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_short_afl_run_finds_no_crash_or_hang(string target)
    {
        var paths = RepositoryPaths.Find();
        var output = Path.Combine(_work.Path, "out");

        var (exit, log) = await RunAsync("afl-fuzz", ["-i", Path.Combine(paths.Root, "LoadTests", "Fuzz", "corpus", target), "-o", output,
            "-V", SecondsPerTarget.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "5000", "-m", "none",
            "--", "dotnet", Path.Combine(program.Directory, "LoadTests.dll"), "fuzz", target]);

        Assert.True(exit == 0, $"afl-fuzz exited {exit}:\n{Tail(log)}");
        var stats = File.ReadAllLines(Path.Combine(output, "default", "fuzzer_stats"))
            .Select(line => line.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        Assert.True(long.Parse(stats["execs_done"], System.Globalization.CultureInfo.InvariantCulture) > 1000, $"only {stats["execs_done"]} inputs ran");
        var found = Directory.GetFiles(Path.Combine(output, "default", "crashes"), "id*")
            .Concat(Directory.GetFiles(Path.Combine(output, "default", "hangs"), "id*"))
            .Select(file => $"{Path.GetFileName(file)}: {Convert.ToHexString(File.ReadAllBytes(file))}").ToList();
        Assert.True(found.Count == 0, $"afl-fuzz saved crashes or hangs (inputs as hex; replay with `fuzz {target} --replay FILE`):\n{string.Join('\n', found)}");
    }

    public void Dispose() => _work.Dispose();

    private static async Task<(int Exit, string Log)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        // dotnet is not an instrumented binary, the machine's core dumps, CPU governor and core binding are not
        // afl-fuzz's to change, and there is no terminal for its screen.
        foreach (var (name, value) in new[] { ("AFL_SKIP_BIN_CHECK", "1"), ("AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES", "1"), ("AFL_SKIP_CPUFREQ", "1"), ("AFL_NO_UI", "1"), ("AFL_NO_AFFINITY", "1") })
        {
            start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("afl-fuzz is not installed; bash .ci/test installs it as root, or: sudo apt-get install afl++");
        }
        using (process)
        {
            using var limit = new CancellationTokenSource(RunLimit);
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            return (process.ExitCode, await output + await errors);
        }
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(25));
}
