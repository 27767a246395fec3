using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Micro;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>micro</c>: BenchmarkDotNet micro-benchmarks of the pieces on the hot path (frame parse, event frame,
/// event-log append batch, routing decision), so a regression shows without a full load run. They run in this
/// process (no generated project), and write their reports under <c>LoadTests/reports/micro</c>.
/// </summary>
public static class MicroCommand
{
    private static readonly Type[] Benchmarks =
        [typeof(FrameParseBenchmarks), typeof(EventFrameBenchmarks), typeof(EventLogAppendBenchmarks), typeof(RoutingBenchmarks), typeof(GrainReferenceBenchmarks),
         typeof(GrainStateSealingBenchmarks), typeof(EventSealingBenchmarks)];

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer iterations: a rough figure in about a minute" };
        var filter = new Option<string>("--filter") { Description = "Only benchmarks whose full name matches this glob, e.g. *Routing*", DefaultValueFactory = _ => "*" };
        var command = new Command("micro", "BenchmarkDotNet micro-benchmarks of the hot path's pieces") { quick, filter };
        command.SetAction(parse => Run(parse.GetValue(quick), parse.GetValue(filter)!));
        return command;
    }

    public static int Run(bool quick, string filter)
    {
        var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance
            .AddJob(job)
            .WithArtifactsPath(Path.Combine(RepositoryPaths.Find().Reports, "micro"));
        var summaries = BenchmarkSwitcher.FromTypes(Benchmarks).Run(["--filter", filter], config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
