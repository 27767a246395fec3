using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Grains;
using Switchboard.Grains.Visitors;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// What sealing grain state costs: a visitor's state written and read through the standalone provider as it was
/// (Orleans' serializer straight into SQLite) and as it is (sealed with the visitor's own key first), in one run.
/// Writes share SQLite's group commit, so 64 visitors at once show the cost where it matters, under a busy site.
/// </summary>
[MemoryDiagnoser]
public class GrainStateSealingBenchmarks
{
    private string _directory = "";
    private SqliteWriter _writer = null!;
    private SqliteDataKeyStore _keys = null!;
    private ServiceProvider _services = null!;
    private IGrainStorage _plain = null!;
    private IGrainStorage _sealed = null!;
    private GrainId[] _visitors = [];
    private GrainState<VisitorState>[] _plainStates = [];
    private GrainState<VisitorState>[] _sealedStates = [];

    [Params(1, 64)]
    public int Visitors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "switchboard-micro-" + GrainKeys.NewId());
        var options = new StorageOptions { DataDirectory = _directory };
        var database = new SqliteDatabase(options);
        _writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        _keys = new SqliteDataKeyStore(options, NullLogger<SqliteWriter>.Instance);
        _services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(VisitorState).Assembly)).BuildServiceProvider();
        var serializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>());
        var masters = new MasterKeys(MasterKey.Parse(MasterKeys.DevelopmentKey, "benchmark"), []);
        var keys = new ConversationKeys(_keys, masters, TimeProvider.System, NullLogger<ConversationKeys>.Instance);
        _plain = new SqliteGrainStorage(database, _writer, serializer, TimeProvider.System);
        _sealed = new SealedGrainStorage(new SqliteGrainStorage(database, _writer, new StateEnvelopeSerializer(), TimeProvider.System), _services.GetRequiredService<Serializer>(), keys);
        _visitors = [.. Enumerable.Range(0, Visitors).Select(_ => GrainId.Create("visitor", GrainKeys.Visitor("bench", GrainKeys.NewId())))];
        _plainStates = [.. _visitors.Select(_ => NewState())];
        _sealedStates = [.. _visitors.Select(_ => NewState())];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _writer.DisposeAsync();
        await _keys.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "write each visitor's state, plain")]
    public Task WritePlain() => WriteAll(_plain, _plainStates);

    [Benchmark(Description = "write each visitor's state, sealed")]
    public Task WriteSealed() => WriteAll(_sealed, _sealedStates);

    [Benchmark(Description = "read each visitor's state, plain")]
    public Task ReadPlain() => ReadAll(_plain);

    [Benchmark(Description = "read each visitor's state, sealed")]
    public Task ReadSealed() => ReadAll(_sealed);

    private Task WriteAll(IGrainStorage storage, GrainState<VisitorState>[] states)
    {
        var writes = new Task[_visitors.Length];
        for (var i = 0; i < writes.Length; i++)
        {
            states[i].State!.Visits++;
            writes[i] = storage.WriteStateAsync(StorageNames.VisitorState, _visitors[i], states[i]);
        }
        return Task.WhenAll(writes);
    }

    private Task ReadAll(IGrainStorage storage)
    {
        var reads = new Task[_visitors.Length];
        for (var i = 0; i < reads.Length; i++)
        {
            reads[i] = storage.ReadStateAsync(StorageNames.VisitorState, _visitors[i], new GrainState<VisitorState>());
        }
        return Task.WhenAll(reads);
    }

    private static GrainState<VisitorState> NewState() => new(new VisitorState
    {
        Name = "Анна Каренина", Region = "Москва", Language = "ru", Conversations = [GrainKeys.NewId(), GrainKeys.NewId()],
    });
}
