using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

public sealed class SqliteStorageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();
    private SqliteDatabase _database = null!;
    private SqliteWriter _writer = null!;
    private SqliteDataKeyStore _keys = null!;

    public Task InitializeAsync()
    {
        var options = new StorageOptions { DataDirectory = _data.Path };
        _database = new SqliteDatabase(options);
        _writer = new SqliteWriter(_database, NullLogger<SqliteWriter>.Instance);
        _keys = new SqliteDataKeyStore(options, NullLogger<SqliteWriter>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _keys.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Appends_from_many_conversations_share_commits_and_read_back_in_order()
    {
        var log = new SqliteEventLog(_database, _writer, TestKeys.Sealer(_keys));

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            log.AppendAsync($"demo/c:{i % 20}", [Event(i / 20 + 1)])));

        var one = await log.ReadAsync("demo/c:7", 0);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), one.Select(e => e.Seq));
        Assert.Equal([9L, 10L], (await log.ReadAsync("demo/c:7", 8)).Select(e => e.Seq));
        Assert.Equal([4L, 5L], (await log.ReadAsync("demo/c:7", 3, limit: 2)).Select(e => e.Seq));
        Assert.True(_writer.Commits < _writer.Writes, $"{_writer.Writes} writes took {_writer.Commits} commits: nothing was batched");
    }

    [Fact]
    public async Task The_log_is_checkpointed_beside_the_commits_once_so_many_have_been_made()
    {
        var log = new SqliteEventLog(_database, _writer, TestKeys.Sealer(_keys));
        for (var seq = 1; seq <= SqliteCheckpointer.CommitsPerCheckpoint; seq++)
        {
            await log.AppendAsync("demo/c:a", [Event(seq)]); // one commit each
        }

        // Disposing waits for the checkpoint asked for after the last commit.
        await _writer.DisposeAsync();

        Assert.Equal(SqliteCheckpointer.CommitsPerCheckpoint, _writer.Commits);
        Assert.Equal(1, _writer.Checkpoints);
        Assert.Equal(SqliteCheckpointer.CommitsPerCheckpoint, (await log.ReadAsync("demo/c:a", 0)).Count);
    }

    [Fact]
    public async Task The_log_starts_again_from_its_beginning_beside_a_reader_and_its_file_stops_growing()
    {
        var log = new SqliteEventLog(_database, _writer, TestKeys.Sealer(_keys));
        await log.AppendAsync("demo/c:read", [Event(1)]);
        using var stop = new CancellationTokenSource();
        // A reader on the log beside every commit, as grains and the reports' feed are: a checkpoint beside it copies
        // everything, but the log can only start again while no reader is on it. One read per commit, each running while
        // the next commit is made (far more than a node's activations and feed polls make): back to back, on kept
        // connections a read is so short that a loop of them leaves the log almost never without a reader on a busy
        // machine, which no caller in the product does.
        using var commitMade = new SemaphoreSlim(0);
        var reader = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await commitMade.WaitAsync(stop.Token);
                    await log.ReadAsync("demo/c:read", 0);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The commits are done.
            }
        });
        var seq = 0;
        async Task CommitAsync(int commits)
        {
            for (var i = 0; i < commits; i++)
            {
                await log.AppendAsync("demo/c:a", [Event(++seq)]); // one commit each
                commitMade.Release();
            }
        }

        await CommitAsync(2 * SqliteCheckpointer.CommitsPerCheckpoint);
        var afterTwo = new FileInfo(_database.FilePath + "-wal").Length;
        await CommitAsync(6 * SqliteCheckpointer.CommitsPerCheckpoint);
        var afterEight = new FileInfo(_database.FilePath + "-wal").Length;
        await stop.CancelAsync();
        await reader;

        Assert.True(_writer.Restarts >= 5, $"the log started again {_writer.Restarts} times in {_writer.Checkpoints} checkpoints");
        // A log that never starts again grows by the same pages every checkpoint: four times as long after eight as after
        // two. One that starts again stays at its longest round's length, twice that when a busy machine kept the reader
        // on it past the writer's wait once (seen with other tests beside it).
        Assert.True(afterEight < afterTwo * 3, $"the log's file grew from {afterTwo} to {afterEight} bytes");
        Assert.Equal(seq, (await log.ReadAsync("demo/c:a", 0)).Count);
    }

    [Fact]
    public async Task A_second_writer_of_the_same_seq_is_refused_and_the_batch_around_it_is_kept()
    {
        var log = new SqliteEventLog(_database, _writer, TestKeys.Sealer(_keys));
        await log.AppendAsync("demo/c:a", [Event(1)]);

        var conflict = log.AppendAsync("demo/c:a", [Event(2), Event(1)]);
        var neighbour = log.AppendAsync("demo/c:b", [Event(1)]);

        await Assert.ThrowsAsync<EventLogConflictException>(() => conflict);
        await neighbour;
        Assert.Equal([1L], (await log.ReadAsync("demo/c:a", 0)).Select(e => e.Seq));
        Assert.Single(await log.ReadAsync("demo/c:b", 0));
    }

    [Fact]
    public async Task Grain_types_with_the_same_key_never_share_a_row_and_hex_keys_stay_strings()
    {
        var storage = Storage();
        var id = GrainId.Create("shared", "demo/v:00ff");
        var hexOnly = GrainId.Create("shared", "00ff");

        await storage.WriteStateAsync("visitor", id, new GrainState<Box> { State = new Box { Value = "visitor" } });
        await storage.WriteStateAsync("queue", id, new GrainState<Box> { State = new Box { Value = "queue" } });
        await storage.WriteStateAsync("visitor", hexOnly, new GrainState<Box> { State = new Box { Value = "hex" } });

        Assert.Equal("visitor", (await Read(storage, "visitor", id)).State!.Value);
        Assert.Equal("queue", (await Read(storage, "queue", id)).State!.Value);
        Assert.Equal("hex", (await Read(storage, "visitor", hexOnly)).State!.Value);
    }

    [Fact]
    public async Task A_read_on_a_kept_connection_leaves_no_reader_on_the_log()
    {
        var storage = Storage();
        var id = GrainId.Create("visitor", "demo/v:kept");
        await storage.WriteStateAsync("visitor", id, new GrainState<Box> { State = new Box { Value = "kept" } });

        // One row read, its statement never stepped to its end: the connection goes back to the kept ones.
        Assert.Equal("kept", (await Read(storage, "visitor", id)).State!.Value);

        // A RESTART checkpoint that may not wait: it starts the log again only if no reader is on it.
        await using var checkpoint = _database.Open();
        await using var command = checkpoint.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 0";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "PRAGMA wal_checkpoint(RESTART)";
        await using var result = await command.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0, result.GetInt64(0));
    }

    [Fact]
    public async Task A_stale_etag_is_an_inconsistent_state()
    {
        var storage = Storage();
        var id = GrainId.Create("box", "demo/x:1");
        var first = new GrainState<Box> { State = new Box { Value = "one" } };
        await storage.WriteStateAsync("box", id, first);
        var stale = await Read(storage, "box", id);
        await storage.WriteStateAsync("box", id, first);

        stale.State!.Value = "lost update";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("box", id, stale));
        Assert.Equal("one", (await Read(storage, "box", id)).State!.Value);
    }

    private SqliteGrainStorage Storage() => new(_database, _writer, new SystemTextJsonGrainStorageSerializer(Microsoft.Extensions.Options.Options.Create(new Orleans.Serialization.SystemTextJsonGrainStorageSerializerOptions())), TimeProvider.System);

    private static async Task<GrainState<Box>> Read(IGrainStorage storage, string stateName, GrainId id)
    {
        var state = new GrainState<Box> { State = new Box() };
        await storage.ReadStateAsync(stateName, id, state);
        Assert.True(state.RecordExists);
        return state;
    }

    private static ConversationEvent Event(long seq) => new() { Seq = seq, Type = EventTypes.Message, At = At, Text = $"m{seq}", From = Senders.Visitor };

    public sealed class Box
    {
        public string Value { get; set; } = "";
    }
}
