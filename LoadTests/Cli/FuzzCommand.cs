using System.CommandLine;
using SharpFuzz;
using Switchboard.LoadTests.Fuzz;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>fuzz</c>: the product's parsers of untrusted bytes as SharpFuzz targets for afl-fuzz (docs/fuzzing.md):
/// <c>fuzz TARGET</c> is what afl-fuzz runs (outside afl-fuzz it reads one input from stdin);
/// <c>fuzz --instrument DIR</c> instruments a copy of this program's assemblies for a coverage-guided run;
/// <c>fuzz TARGET --replay PATH</c> runs saved inputs (a crash afl-fuzz found, or a corpus) and says which fail.
/// </summary>
public static class FuzzCommand
{
    private static readonly string[] InstrumentedNamespaces = ["Switchboard.Wire", "Switchboard.Gateway.Channels"];

    public static Command Create()
    {
        var target = new Argument<string?>("target")
        {
            Description = $"One of: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var instrument = new Option<string?>("--instrument") { Description = "Instrument the targets' assemblies in this directory (a copy of this program's output), then exit" };
        var replay = new Option<string?>("--replay") { Description = "Run the target once on this file, or on every file in this directory, and report failures" };
        var command = new Command("fuzz", "The parsers of untrusted bytes as afl-fuzz targets") { target, instrument, replay };
        command.SetAction(parse => Run(parse.GetValue(target), parse.GetValue(instrument), parse.GetValue(replay)));
        return command;
    }

    public static int Run(string? name, string? instrumentDirectory, string? replay)
    {
        if (instrumentDirectory is not null)
        {
            return Instrument(instrumentDirectory);
        }
        if (name is null || FuzzTargets.Find(name) is not { } target)
        {
            Console.Error.WriteLine($"Name a target: {string.Join(", ", FuzzTargets.All.Select(t => $"{t.Name} ({t.Description})"))}.");
            return 2;
        }
        if (replay is not null)
        {
            return Replay(target, replay);
        }
        Fuzzer.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            target.Run(input.ToArray());
        });
        return 0;
    }

    private static int Instrument(string directory)
    {
        foreach (var assembly in FuzzTargets.Instrumented)
        {
            var path = Path.Combine(directory, assembly);
            var types = Fuzzer.Instrument(path, type => InstrumentedNamespaces.Any(ns => type.StartsWith(ns, StringComparison.Ordinal)), Options.Value);
            Console.WriteLine($"{assembly}: {types.Count()} types instrumented");
        }
        return 0;
    }

    private static int Replay(FuzzTarget target, string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path) : [path];
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (Exception error)
            {
                failed++;
                Console.WriteLine($"{file}: {error.GetType().Name}: {error.Message}");
            }
        }
        Console.WriteLine($"{target.Name}: {files.Length - failed} of {files.Length} inputs handled, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
