using System.CommandLine;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>hold</c>: one load-client process of several that together hold more idle sockets than one process may
/// open (about 20,000 files each here); <c>--kind invited</c> visitors also wait for an invitation. Prints <c>connected N</c> as sockets open and <c>ready</c> once all are,
/// holds them until a <c>stop</c> line (or the end of input), then writes its figures to <c>--result</c>.
/// </summary>
public static class HoldCommand
{
    private static readonly TimeSpan Progress = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var target = CliOptions.Target();
        var kind = new Option<string>("--kind") { Description = "What holds the sockets", DefaultValueFactory = _ => "visitor" };
        kind.AcceptOnlyFromAmong("visitor", "invited", "raw");
        var site = new Option<string?>("--site") { Description = "The visitors' site (not for --kind raw)" };
        var count = new Option<int>("--count") { Description = "Sockets to hold", DefaultValueFactory = _ => 1000 };
        var ramp = CliOptions.Seconds("--ramp", 10, "How long the connecting takes");
        var dwell = CliOptions.Seconds("--dwell", InvitedVisitors.DwellSeconds, "The site's dwell rule, for --kind invited");
        var title = new Option<string?>("--title") { Description = "The run's title in the result" };
        var result = new Option<string>("--result") { Description = "The file the figures are written to", Required = true };
        var command = new Command("hold", "One of several client processes holding idle sockets (started by bench)")
        {
            target, kind, site, count, ramp, dwell, title, result,
        };
        command.SetAction(parse =>
        {
            var on = Target.Parse(parse.GetValue(target)!);
            var visitorsSite = parse.GetValue(site);
            var how = new HoldShape(parse.GetValue(count), TimeSpan.FromSeconds(parse.GetValue(ramp)), TimeSpan.FromSeconds(parse.GetValue(dwell)));
            return RunAsync(on, parse.GetValue(kind)!, visitorsSite, how, parse.GetValue(title), parse.GetValue(result)!);
        });
        return command;
    }

    public static async Task<int> RunAsync(Target target, string kind, string? site, HoldShape shape, string? title, string resultFile)
    {
        var (count, ramp, dwell) = shape;
        string Site() => site ?? throw new ArgumentException("--site is required.");
        var connected = 0;
        void Connected() => Interlocked.Increment(ref connected);
        var scenario = kind switch
        {
            "raw" => IdleSockets.Raw(target, count, ramp, TimeSpan.FromHours(1), Connected),
            // "connected" counts visitors whose invitation came (or timed out); "ready" then means every timer has fired.
            "invited" => InvitedVisitors.Create(target, Site(), count, ramp, TimeSpan.FromHours(1), dwell, Connected),
            _ => IdleSockets.Visitors(target, Site(), count, ramp, TimeSpan.FromHours(1), Connected),
        };

        using var stop = new CancellationTokenSource();
        var run = LoadRunner.RunAsync(title ?? scenario.Name, [scenario], [], stop.Token);
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line && line.Trim() != "stop")
            {
            }
            stop.Cancel();
        });
        var reported = -1;
        var ready = false;
        while (!run.IsCompleted && !stop.IsCancellationRequested)
        {
            var now = Volatile.Read(ref connected);
            if (now != reported)
            {
                Console.WriteLine($"connected {now}");
                reported = now;
            }
            if (!ready && now >= count)
            {
                Console.WriteLine("ready");
                ready = true;
            }
            await Task.WhenAny(run, Task.Delay(Progress));
        }
        var result = await run;
        await ResultFile.WriteAsync(result, resultFile);
        Console.WriteLine("done");
        return 0;
    }
}
