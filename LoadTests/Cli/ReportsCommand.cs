using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.LoadTests.ReportQueries;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>reports</c>: the reports' read model at scale (docs/benchmarks.md, "Reports"). Writes N conversations' events
/// straight into a standalone event log (sealed as the product seals them, a transaction per chunk), folds them into
/// the read model, times random report queries (p50, p99), then appends through the real log at a steady rate while
/// the projector follows and samples its lag behind the log.
/// </summary>
public static class ReportsCommand
{
    private const string Site = "bench";
    private const int ConversationsPerChunk = 5_000;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly DateTimeOffset FirstDay = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var conversations = new Option<int>("--conversations") { Description = "Conversations to generate", DefaultValueFactory = _ => 1_000_000 };
        var queries = new Option<int>("--queries") { Description = "Report queries to time", DefaultValueFactory = _ => 500 };
        var rate = new Option<int>("--rate") { Description = "Events/s appended while the lag is sampled (the standard latency load writes about 1,100)", DefaultValueFactory = _ => 1_100 };
        var seconds = new Option<int>("--lag-seconds") { Description = "How long to sample the lag", DefaultValueFactory = _ => 30 };
        var data = new Option<string?>("--data") { Description = "Data directory (a fresh temporary one by default)" };
        var command = new Command("reports", "The reports' read model: projection rate, report query p99, lag behind the log") { conversations, queries, rate, seconds, data };
        command.SetAction(parse => RunAsync(parse.GetValue(conversations), parse.GetValue(queries), parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(data)));
        return command;
    }

    public static async Task<int> RunAsync(int conversations, int queries, int rate, int lagSeconds, string? dataDirectory)
    {
        var directory = dataDirectory ?? Path.Combine(Path.GetTempPath(), $"switchboard-reports-{Guid.NewGuid():N}");
        var storage = new StorageOptions { DataDirectory = directory };
        var database = new SqliteDatabase(storage);
        await using var writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        await using var keys = new SqliteDataKeyStore(storage, NullLogger<SqliteWriter>.Instance);
        // Sealed as the product seals (the development master key: the data is generated and thrown away).
        var masters = new MasterKeys(MasterKey.Parse(MasterKeys.DevelopmentKey, "reports benchmark"), []);
        var sealer = new EventSealer(new ConversationKeys(keys, masters, TimeProvider.System, NullLogger<ConversationKeys>.Instance));
        var log = new SqliteEventLog(database, writer, sealer);
        var options = Options.Create(new ReportOptions { BatchSize = 5000 });
        var store = new SqlReportStore(new SqliteReportDatabase(storage), options, new FixedSiteTimeZones(Zone));
        var projector = new ReportProjector(log, store, options, TimeProvider.System, NullLogger<ReportProjector>.Instance);
        Console.WriteLine($"data: {directory}");

        var clock = Stopwatch.StartNew();
        var events = await GenerateAsync(new BulkLogWriter(database, sealer), conversations);
        Console.WriteLine($"wrote {conversations:N0} conversations, {events:N0} events in {clock.Elapsed.TotalSeconds:N0} s");

        // The log read alone first, so the fold's own share shows; CPU time as well as wall time, because on a shared
        // machine the wall time says more about the neighbours than about the code.
        var (read, readWall, readCpu) = await MeasureAsync(() => ReadWholeLogAsync(log, options.Value.BatchSize));
        Console.WriteLine($"read the log through the feed: {read:N0} events in {readWall:N1} s wall, {readCpu:N1} s CPU ({read / readCpu:N0} events per CPU second)");
        var (folded, foldWall, foldCpu) = await MeasureAsync(() => projector.CatchUpAsync());
        Console.WriteLine($"projected {folded:N0} events in {foldWall:N1} s wall ({folded / foldWall:N0} events/s), {foldCpu:N1} s CPU ({folded / foldCpu:N0} events per CPU second, the log read included)");

        var latencies = await TimeQueriesAsync(store, queries);
        Console.WriteLine($"report queries: {queries}, p50 {Percentile(latencies, 0.5):N1} ms, p99 {Percentile(latencies, 0.99):N1} ms, max {latencies.Max():N1} ms");

        var lags = await SampleLagAsync(log, projector, conversations, rate, TimeSpan.FromSeconds(lagSeconds));
        Console.WriteLine($"lag behind the log at {rate:N0} events/s: p50 {Percentile(lags, 0.5):N0} ms, p99 {Percentile(lags, 0.99):N0} ms, max {lags.Max():N0} ms");
        return 0;
    }

    private static async Task<long> GenerateAsync(BulkLogWriter writer, int conversations)
    {
        var chats = new SyntheticChats(Site, FirstDay, seed: 1);
        long events = 0;
        for (var first = 0; first < conversations; first += ConversationsPerChunk)
        {
            var chunk = Enumerable.Range(first, Math.Min(ConversationsPerChunk, conversations - first)).Select(index => chats.Next(index)).ToList();
            events += await writer.WriteAsync(chunk);
        }
        return events;
    }

    private static async Task<(int Events, double WallSeconds, double CpuSeconds)> MeasureAsync(Func<Task<int>> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var events = await run();
        process.Refresh();
        return (events, wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static async Task<int> ReadWholeLogAsync(SqliteEventLog log, int batchSize)
    {
        var cursor = new Grains.Storage.EventLogCursor(log, default, batchSize);
        var total = 0;
        while ((await cursor.ReadNextAsync()).Count is > 0 and var count)
        {
            total += count;
        }
        return total;
    }

    private static async Task<List<double>> TimeQueriesAsync(IReportStore store, int count)
    {
        var random = new Random(7);
        string[][] groupings = [[], ["operator"], ["queue"], ["channel"], ["tag"], ["queue", "operator"]];
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var days = 1 + random.Next(SyntheticChats.Days);
            var from = DateOnly.FromDateTime(FirstDay.UtcDateTime).AddDays(random.Next(SyntheticChats.Days - days + 1));
            var query = new ReportQuery
            {
                From = from, To = from.AddDays(days - 1), GroupBy = groupings[random.Next(groupings.Length)],
                Granularity = days <= 7 && random.Next(2) == 0 ? ReportGranularity.Hour : ReportGranularity.Day,
            };
            var clock = Stopwatch.StartNew();
            // What the report grain does: the sums from the store, then periods and figures.
            var (first, end) = ReportPeriods.Hours(Zone, query.From, query.To);
            var rows = ReportBuilder.Rows(await store.ReadAsync(Site, first, end, query, Zone), new ReportPeriods(Zone, query.Granularity, query.From), 60);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (rows.Count == 0)
            {
                throw new InvalidOperationException($"An empty report for {query}: the read model is missing data.");
            }
        }
        return latencies;
    }

    /// <summary>Appends at <paramref name="rate"/> events/s while the projector runs, sampling how old the newest unfolded event is.</summary>
    private static async Task<List<double>> SampleLagAsync(SqliteEventLog log, ReportProjector projector, long firstIndex, int rate, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var appended = new System.Collections.Concurrent.ConcurrentQueue<(long Index, long Ticks)>();
        var chats = new SyntheticChats(Site, FirstDay, seed: 99);
        var lags = new List<double>();
        var projecting = projector.StartAsync(CancellationToken.None);
        var appending = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            long events = 0, index = firstIndex;
            while (!stop.IsCancellationRequested)
            {
                var (key, batch) = chats.Next(index++);
                await log.AppendAsync(key, batch);
                events += batch.Count;
                appended.Enqueue((events, Stopwatch.GetTimestamp()));
                var due = TimeSpan.FromSeconds((double)events / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
            }
        });
        var appendedBase = projector.Position.Index;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(100);
            var folded = projector.Position.Index - appendedBase;
            // The oldest append the projector has not folded yet: its age is the lag.
            while (appended.TryPeek(out var oldest) && oldest.Index <= folded)
            {
                appended.TryDequeue(out _);
            }
            lags.Add(appended.TryPeek(out var waiting) ? Stopwatch.GetElapsedTime(waiting.Ticks).TotalMilliseconds : 0);
        }
        await appending;
        await projector.StopAsync(CancellationToken.None);
        await projecting;
        return lags;
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
