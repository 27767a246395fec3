using System.CommandLine;

namespace Switchboard.LoadTests.Cli;

/// <summary>The commands of docs/benchmarks.md; <c>--help</c> on any of them says what it takes.</summary>
public static class LoadTestsCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Switchboard load tests (docs/benchmarks.md)")
        {
            // The standard benchmark against a freshly started standalone product, with the echo baseline.
            BenchCommand.Create(),
            // The phone benchmark: callers through the generic adapter's overflow menu, with the echo baseline.
            CallsCommand.Create(),
            // Scale-out: 1+1, 2+2 and 3+3 silos and gateways on this machine, the same load on each.
            ScaleCommand.Create(),
            // Scenarios against a running deployment.
            RunCommand.Create(),
            // The raw Kestrel WebSocket echo server (the baseline) as its own process.
            EchoCommand.Create(),
            // One of several client processes holding idle sockets (started by bench).
            HoldCommand.Create(),
            // The cost of the hot path's frames, per call, in this process.
            FramesCommand.Create(),
            // BenchmarkDotNet micro-benchmarks of the hot path's pieces.
            MicroCommand.Create(),
            // The parsers of untrusted bytes as afl-fuzz targets.
            FuzzCommand.Create(),
            // Dev mode: a fake Telegram user chatting with the console through the real webhook.
            FakeTelegramCommand.Create(),
            // Attachment uploads against a freshly started standalone product: throughput, latency, memory.
            UploadsCommand.Create(),
            // Floods from one address against the shipped limits (issue 15).
            AbuseCommand.Create(),
            // The reports' read model over generated conversations: projection, query p99, lag (issue 14).
            ReportsCommand.Create(),
            // The read model's lag behind the log of a running standalone product (e.g. during bench).
            ReportsLagCommand.Create(),
            // A robot call campaign against a fake PBX: calls started per second, scheduling lateness, memory (issue 13).
            CampaignCommand.Create(),
        };
        // No command: the help, and a failing exit code, as before.
        root.SetAction(parse =>
        {
            Console.Out.WriteLine("Name a command: bench, calls, scale, uploads, abuse, reports, reports-lag, campaign, run, echo, hold, frames, micro, fuzz or fake-telegram.");
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return 2;
        });
        return root;
    }
}
