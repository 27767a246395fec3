using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>reports-lag --data DIR</c>: the read model's lag behind the event log of a standalone product that is running
/// (docs/benchmarks.md, "Reports"): e.g. the one <c>bench</c> starts, whose data directory it logs. Every interval it
/// reads the projector's checkpoint from <c>reports.db</c> and the oldest event after it from the log, read-only, and
/// counts that event's age as the lag (0 when the projector has folded everything). An event's time is the product's
/// clock when it was appended, so the figure means something against a live product only (the <c>reports</c> command's
/// generated log carries made-up times).
/// </summary>
public static class ReportsLagCommand
{
    private const string OldestUnfolded = "SELECT at FROM conversation_events WHERE position > $after ORDER BY position LIMIT 1";
    private const string Checkpoint = "SELECT index_position FROM report_checkpoint WHERE id = 1";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The running product's data directory (Storage:DataDirectory)", Required = true };
        var seconds = new Option<int>("--seconds") { Description = "How long to sample", DefaultValueFactory = _ => 300 };
        var every = new Option<int>("--every-ms") { Description = "Sampling interval", DefaultValueFactory = _ => 250 };
        var command = new Command("reports-lag", "Samples the reports read model's lag behind the event log of a running standalone product") { data, seconds, every };
        command.SetAction(parse => RunAsync(parse.GetValue(data)!, parse.GetValue(seconds), parse.GetValue(every)));
        return command;
    }

    public static async Task<int> RunAsync(string directory, int seconds, int everyMs)
    {
        var log = Path.Combine(directory, SqliteDatabase.FileName);
        var reports = Path.Combine(directory, SqliteReportDatabase.FileName);
        var lags = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await Task.Delay(everyMs);
            if (!File.Exists(log) || !File.Exists(reports))
            {
                continue;
            }
            try
            {
                lags.Add(LagMs(log, reports));
            }
            catch (SqliteException error) when (error.SqliteErrorCode is 5 or 6)
            {
                // Busy or locked for longer than the timeout: the next sample reads again.
            }
        }
        if (lags.Count == 0)
        {
            Console.Error.WriteLine($"No samples: {log} or {reports} never appeared.");
            return 1;
        }
        var sorted = lags.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"reports lag over {lags.Count} samples: p50 {At(0.5):N0} ms, p99 {At(0.99):N0} ms, max {sorted[^1]:N0} ms");
        return 0;
    }

    private static double LagMs(string log, string reports)
    {
        long after;
        using (var connection = Open(reports))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Checkpoint;
            after = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using (var connection = Open(log))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = OldestUnfolded;
            command.Parameters.AddWithValue("$after", after);
            return command.ExecuteScalar() is string at
                ? Math.Max(0, (DateTimeOffset.UtcNow - DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)).TotalMilliseconds)
                : 0;
        }
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 5 }.ToString());
        connection.Open();
        return connection;
    }
}
