using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;

namespace Switchboard.LoadTests.Scale;

/// <summary>One step of the scale-out benchmark: what <see cref="Nodes"/> silos and as many gateways did.</summary>
public sealed record ScaleStep(int Nodes, RunResult Messages, RunResult StartsOneQueue, RunResult StartsSpread, int Queues)
{
    /// <summary>Chat messages stored and delivered a second: each exchange is the visitor's message and the reply.</summary>
    public double MessagesPerSecond => 2 * (Messages.Scenario(ChatExchanges.Name).Step("exchange (message → reply)")?.PerSecond ?? 0);

    public double StartsPerSecondOneQueue => Starts(StartsOneQueue);

    public double StartsPerSecondSpread => Starts(StartsSpread);

    /// <summary>CPU milliseconds all silos and gateways spent per chat message (the load generator not counted).</summary>
    public double CpuMsPerMessage => CpuMsPer(Messages, MessagesPerSecond);

    public double CpuMsPerStart => CpuMsPer(StartsOneQueue, StartsPerSecondOneQueue);

    public long Failures => Messages.Failures + StartsOneQueue.Failures + StartsSpread.Failures;

    private static double Starts(RunResult run) => run.Scenario(ChatStarts.Name).Step("close")?.PerSecond ?? 0;

    /// <summary>Mean CPU of the cluster's processes (percent of a core, summed) over the work done a second.</summary>
    private static double CpuMsPer(RunResult run, double perSecond)
    {
        var cores = run.Processes.Where(p => p.Name.StartsWith("silo", StringComparison.Ordinal) || p.Name.StartsWith("gateway", StringComparison.Ordinal))
            .Sum(p => p.MeanCpuPercent) / 100;
        return perSecond > 0 ? cores * 1000 / perSecond : 0;
    }
}
