using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.LoadTests.Bench;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// The durable append of the standalone product: one message event for each of N conversations at once, into a
/// real SQLite file with <c>synchronous = FULL</c>. One conversation is the latency floor (a sync per append);
/// many show what group commit buys, since their appends share one transaction and one sync.
/// </summary>
[MemoryDiagnoser]
public class EventLogAppendBenchmarks
{
    private string _directory = "";
    private SqliteWriter _writer = null!;
    private SqliteEventLog _log = null!;
    private SqliteDataKeyStore _keys = null!;
    private string[] _conversations = [];
    private long _seq;

    [Params(1, 64)]
    public int Conversations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "switchboard-micro-" + GrainKeys.NewId());
        var options = new StorageOptions { DataDirectory = _directory };
        var database = new SqliteDatabase(options);
        _writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        _keys = new SqliteDataKeyStore(options, NullLogger<SqliteWriter>.Instance);
        // The product's sealing as it runs: personal fields encrypted with each conversation's key, keys cached.
        var masters = new MasterKeys(MasterKey.Parse(MasterKeys.DevelopmentKey, "benchmark"), []);
        _log = new SqliteEventLog(database, _writer, new EventSealer(new ConversationKeys(_keys, masters, TimeProvider.System, NullLogger<ConversationKeys>.Instance)));
        _conversations = [.. Enumerable.Range(0, Conversations).Select(_ => GrainKeys.Conversation("bench", GrainKeys.NewId()))];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        // The batching figure: how many appends one commit (one disk sync) carried in this run.
        Console.WriteLine($"// writes per commit: {(double)_writer.Writes / Math.Max(1, _writer.Commits):F1}");
        await _writer.DisposeAsync();
        await _keys.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
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
