using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>
/// The SQLite writer's sync beside its commits (<see cref="Silo.Storage.Sqlite.SqliteWriter"/>): a write is
/// acknowledged only after a sync of the log that followed its commit, the next batch is written meanwhile, and the
/// feed hands out no event before its sync (<see cref="Silo.Storage.Sqlite.SqliteFeedLimit"/>).
/// </summary>
public sealed class SqliteWriterSyncTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly HeldLogSync _sync = new();
    private readonly SqliteEventLogSetup _setup;

    public SqliteWriterSyncTests() => _setup = new SqliteEventLogSetup(logSync: _sync);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _sync.Open();
        await _setup.DisposeAsync();
    }

    [Fact]
    public async Task The_next_batch_is_written_while_the_one_before_syncs_and_each_is_acknowledged_after_its_own_sync()
    {
        var first = _setup.Log.AppendAsync("demo/c:1", [Event(1)]);
        await _sync.BegunAsync();

        var secondRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = _setup.Writer.Enqueue(_ =>
        {
            secondRan.SetResult();
            return "second";
        });
        await secondRan.Task.WaitAsync(Waits.Signal);
        await Eventually.Until(() => Task.FromResult(_setup.Writer.Commits), commits => commits == 2,
            "the second batch committed while the first one's sync was held");
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        _sync.LetOne();
        await first.WaitAsync(Waits.Signal);
        await _sync.BegunAsync();
        Assert.False(second.IsCompleted);
        _sync.LetOne();
        Assert.Equal("second", await second.WaitAsync(Waits.Signal));
        Assert.Equal(2, _setup.Writer.Syncs);
    }

    [Fact]
    public async Task The_feed_hands_out_no_event_before_the_sync_that_makes_it_durable()
    {
        await Synced(_setup.Log.AppendAsync("demo/c:1", [Event(1)]));
        var appended = _setup.Log.AppendAsync("demo/c:2", [Event(1), Event(2)]);
        await _sync.BegunAsync();

        // Committed: the conversation's own read sees the rows; the feed's followers do not yet.
        Assert.Equal([1L, 2L], (await _setup.Log.ReadAsync("demo/c:2", 0)).Select(e => e.Seq));
        Assert.Equal(["demo/c:1"], (await _setup.Log.ReadAfterAsync(EventLogPosition.Start, 10)).Select(e => e.ConversationKey));

        _sync.LetOne();
        await appended.WaitAsync(Waits.Signal);
        Assert.Equal(["demo/c:1", "demo/c:2", "demo/c:2"], (await _setup.Log.ReadAfterAsync(EventLogPosition.Start, 10)).Select(e => e.ConversationKey));
    }

    [Fact]
    public async Task A_failed_sync_fails_the_writes_it_covered_and_the_writer_goes_on_with_their_events_in_the_log()
    {
        var failed = _setup.Log.AppendAsync("demo/c:1", [Event(1)]);
        await _sync.BegunAsync();
        _sync.FailOne(new IOException("The disk went away."));
        var error = await Assert.ThrowsAsync<IOException>(() => failed);
        Assert.Equal("The disk went away.", error.Message);

        // As after a commit whose outcome is unknown: the caller reads the log again and finds its event there.
        _sync.Open();
        Assert.Equal([1L], (await _setup.Log.ReadAsync("demo/c:1", 0)).Select(e => e.Seq));
        await _setup.Log.AppendAsync("demo/c:1", [Event(2)]);
        Assert.Equal([1L, 2L], (await _setup.Log.ReadAfterAsync(EventLogPosition.Start, 10)).Select(e => e.Event.Seq));
    }

    [Fact]
    public async Task With_the_databases_own_log_file_every_commit_is_synced_and_a_sync_may_serve_several()
    {
        await using var real = new SqliteEventLogSetup();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(c => real.Log.AppendAsync($"demo/c:{c}", [Event(1)])));

        Assert.InRange(real.Writer.Syncs, 1, real.Writer.Commits);
        Assert.Equal(50, (await real.Log.ReadAfterAsync(EventLogPosition.Start, 100)).Count);
    }

    private async Task Synced(Task append)
    {
        await _sync.BegunAsync();
        _sync.LetOne();
        await append.WaitAsync(Waits.Signal);
    }

    private static ConversationEvent Event(long seq) => new() { Seq = seq, Type = EventTypes.Message, At = At, Text = $"m{seq}", From = Senders.Visitor };
}
