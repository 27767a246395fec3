using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.LoadTests.Bench;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// The durable append of the standalone product: one message event for each of N conversations at once, into a
/// real SQLite file, each acknowledged after a sync of its log. One conversation is the latency floor (a sync per
/// append); many show what group commit buys, since their appends share one transaction and one sync. Unsynced (the
/// writer's sync skipped, <see cref="SkippedLogSync"/>) the time is the append's CPU alone — sealing, the writer's
/// queue, SQLite's statements — which the disk's sync otherwise hides.
/// </summary>
[MemoryDiagnoser]
public class EventLogAppendBenchmarks
{
    private SealedEventStore _store = null!;
    private SqliteWriter _writer = null!;
    private SqliteEventLog _log = null!;
    private string[] _conversations = [];
    private long _seq;

    [Params(1, 64)]
    public int Conversations { get; set; }

    [Params(true, false)]
    public bool Synced { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = SealedEventStore.Create();
        var database = new SqliteDatabase(_store.Options);
        _writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance, logSync: Synced ? null : new SkippedLogSync());
        _log = new SqliteEventLog(database, _writer, _store.Sealer);
        _conversations = [.. Enumerable.Range(0, Conversations).Select(_ => GrainKeys.Conversation("bench", GrainKeys.NewId()))];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        // The batching figures: how many appends one commit carried in this run, and how many commits one sync served.
        Console.WriteLine($"// writes per commit: {(double)_writer.Writes / Math.Max(1, _writer.Commits):F1}, commits per sync: {(double)_writer.Commits / Math.Max(1, _writer.Syncs):F1}");
        await _writer.DisposeAsync();
        await _store.DisposeAsync();
    }

    /// <summary>Every event the benchmark's conversations hold now, read back from the file (for its test).</summary>
    public async Task<int> CountStoredEventsAsync()
    {
        var count = 0;
        foreach (var conversation in _conversations)
        {
            count += (await _log.ReadAsync(conversation, afterSeq: 0)).Count;
        }
        return count;
    }

    [Benchmark(Description = "append one event to each conversation at once")]
    public Task AppendOneEach()
    {
        var seq = ++_seq;
        var appends = new Task[_conversations.Length];
        for (var i = 0; i < appends.Length; i++)
        {
            ConversationEvent[] events = [FrameWorkload.MessageEvent with { Seq = seq }];
            appends[i] = _log.AppendAsync(_conversations[i], events);
        }
        return Task.WhenAll(appends);
    }
}
