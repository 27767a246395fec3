using System.Diagnostics;
using Switchboard.LoadTests.Bench;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Fuzz;

/// <summary>
/// The load-test program's Release build copied once for the afl-fuzz runs, with the fuzz targets' assemblies
/// instrumented in the copy only (the build itself stays as the benchmarks use it).
/// </summary>
public sealed class InstrumentedProgram : IDisposable
{
    private readonly TempDirectory _copy = new();

    public InstrumentedProgram()
    {
        var built = Path.Combine(RepositoryPaths.Find().Root, "LoadTests", "bin", "Release", "net10.0");
        if (!File.Exists(Path.Combine(built, "LoadTests.dll")))
        {
            throw new InvalidOperationException($"Build LoadTests in Release first (no {built}); bash .ci/test builds the whole solution.");
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Directory, Path.GetRelativePath(built, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        using var instrument = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(Directory, "LoadTests.dll"), "fuzz", "--instrument", Directory])
        {
            RedirectStandardOutput = true,
        })!;
        var report = instrument.StandardOutput.ReadToEnd();
        instrument.WaitForExit();
        if (instrument.ExitCode != 0)
        {
            throw new InvalidOperationException($"Instrumenting failed ({instrument.ExitCode}): {report}");
        }
    }

    public string Directory => _copy.Path;

    public void Dispose() => _copy.Dispose();
}
