using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The SQLite event log followed in its global order (<see cref="EventLogCursor"/>).</summary>
public sealed class SqliteEventLogFeedTests : IAsyncLifetime
{
    private const int Conversations = 20;
    private const int EventsEach = 10;
    private const int BatchSize = 7;
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly SqliteEventLogSetup _setup = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task A_cursor_hands_out_every_event_once_in_append_order_and_resumes_from_a_saved_position()
    {
        var log = _setup.Log;
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async c =>
        {
            for (var seq = 1; seq <= EventsEach; seq++)
            {
                await log.AppendAsync($"demo/c:{c}", [Event(seq)]);
            }
        }));

        var cursor = new EventLogCursor(log, EventLogPosition.Start, BatchSize);
        var firstHalf = await ReadAsync(cursor, Conversations * EventsEach / 2);
        // A new cursor from the saved position: a follower after a restart.
        var resumed = new EventLogCursor(log, cursor.Position, BatchSize);
        var rest = await ReadToEndAsync(resumed);
        var all = firstHalf.Concat(rest).ToList();

        Assert.Equal(Conversations * EventsEach, all.Count);
        Assert.Equal(all.Count, all.Select(e => (e.ConversationKey, e.Event.Seq)).Distinct().Count());
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        foreach (var conversation in all.GroupBy(e => e.ConversationKey))
        {
            Assert.Equal(Enumerable.Range(1, EventsEach).Select(i => (long)i), conversation.Select(e => e.Event.Seq));
        }
        Assert.Empty(await resumed.ReadNextAsync());
    }

    [Fact]
    public async Task A_follower_that_reads_only_the_started_events_personal_fields_gets_the_others_unopened()
    {
        var log = _setup.Log;
        await log.AppendAsync("demo/c:p", [
            new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = At, CustomerId = "customer-7", VisitorName = "Ivan" },
            new ConversationEvent { Seq = 2, Type = EventTypes.Message, At = At, From = Senders.Visitor, Text = "my order?", Author = "Ivan" },
        ]);

        var forReports = await log.ReadAfterAsync(EventLogPosition.Start, 10, ChatFacts.ReadsPersonalFieldsOf);
        var whole = await log.ReadAfterAsync(EventLogPosition.Start, 10);

        Assert.Equal(("customer-7", "Ivan"), (forReports[0].Event.CustomerId, forReports[0].Event.VisitorName));
        Assert.Equal((EventTypes.Message, Senders.Visitor), (forReports[1].Event.Type, forReports[1].Event.From));
        Assert.Null(forReports[1].Event.Text);
        Assert.Null(forReports[1].Event.Author);
        Assert.Equal(("my order?", "Ivan"), (whole[1].Event.Text, whole[1].Event.Author));
        Assert.Equal(whole.Select(e => e.Position), forReports.Select(e => e.Position));
    }

    [Fact]
    public async Task A_failed_append_stores_nothing_and_later_events_still_follow()
    {
        var log = _setup.Log;
        await log.AppendAsync("demo/c:a", [Event(1)]);
        var cursor = new EventLogCursor(log, EventLogPosition.Start);
        Assert.Single(await cursor.ReadNextAsync());

        await Assert.ThrowsAsync<EventLogConflictException>(() => log.AppendAsync("demo/c:a", [Event(2), Event(1)]));
        await log.AppendAsync("demo/c:b", [Event(1)]);

        var next = Assert.Single(await cursor.ReadNextAsync());
        Assert.Equal("demo/c:b", next.ConversationKey);
    }

    [Fact]
    public async Task A_writer_started_again_never_hands_out_a_position_again_even_after_the_newest_conversation_is_erased()
    {
        await _setup.Log.AppendAsync("demo/c:kept", [Event(1)]);
        await _setup.Log.AppendAsync("demo/c:erased", [Event(1), Event(2)]);
        await new SqlitePrivacyStore(_setup.Database, _setup.Writer).DeleteConversationAsync("demo/c:erased");
        await _setup.Writer.DisposeAsync();

        // A new writer over the same file, as after a restart: it knows positions only from the file.
        await using var writer = new SqliteWriter(_setup.Database, NullLogger<SqliteWriter>.Instance);
        var log = new SqliteEventLog(_setup.Database, writer, TestKeys.Sealer(_setup.Keys));
        await log.AppendAsync("demo/c:after", [Event(1)]);

        var feed = await log.ReadAfterAsync(EventLogPosition.Start, 10);
        Assert.Equal([("demo/c:kept", 1L), ("demo/c:after", 4L)], feed.Select(e => (e.ConversationKey, e.Position.Index)));
    }

    [Fact]
    public void A_log_written_before_the_feed_gets_positions_in_the_order_its_events_happened()
    {
        var file = Path.Combine(_setup.DataPath, "old", SqliteDatabase.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var old = new SqliteConnection($"Data Source={file}"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE conversation_events (conversation TEXT NOT NULL, seq INTEGER NOT NULL, site TEXT NOT NULL, type TEXT NOT NULL,
                    client_id TEXT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
                INSERT INTO conversation_events VALUES ('demo/c:late', 1, 'demo', 'message', NULL, '2026-11-23T10:05:00.0000000Z', '{"seq":1,"type":"message","at":"2026-11-23T10:05:00+00:00"}');
                INSERT INTO conversation_events VALUES ('demo/c:early', 1, 'demo', 'message', NULL, '2026-11-23T10:00:00.0000000Z', '{"seq":1,"type":"message","at":"2026-11-23T10:00:00+00:00"}');
                """;
            create.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var database = new SqliteDatabase(new StorageOptions { DataDirectory = Path.GetDirectoryName(file)! });
        using var connection = database.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT conversation FROM conversation_events ORDER BY position";
        using var reader = read.ExecuteReader();
        var order = new List<string>();
        while (reader.Read())
        {
            order.Add(reader.GetString(0));
        }
        Assert.Equal(["demo/c:early", "demo/c:late"], order);
    }

    [Fact]
    public async Task A_version_3_log_moves_into_arrival_order_with_every_position_kept_and_appends_go_on_after_it()
    {
        var directory = Path.Combine(_setup.DataPath, "v3");
        Directory.CreateDirectory(directory);
        using (var old = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteDatabase.FileName)}"))
        {
            old.Open();
            using var create = old.CreateCommand();
            // The schema of version 3 as its migration left it: clustered by (conversation, seq), positions beside.
            create.CommandText = """
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version VALUES (3);
                CREATE TABLE conversation_events (conversation TEXT NOT NULL, seq INTEGER NOT NULL, site TEXT NOT NULL, type TEXT NOT NULL,
                    client_id TEXT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, position INTEGER NULL, sealed BLOB NULL,
                    PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
                CREATE INDEX conversation_events_site_at ON conversation_events (site, at);
                CREATE UNIQUE INDEX conversation_events_position ON conversation_events (position);
                CREATE TABLE event_log_head (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
                INSERT INTO event_log_head VALUES (1, 12);
                INSERT INTO conversation_events VALUES ('demo/c:b', 1, 'demo', 'message', 'x', '2026-11-23T10:00:00.0000000Z', '{"seq":1,"type":"message","at":"2026-11-23T10:00:00+00:00","text":"b1"}', 4, NULL);
                INSERT INTO conversation_events VALUES ('demo/c:a', 1, 'demo', 'message', NULL, '2026-11-23T10:01:00.0000000Z', '{"seq":1,"type":"message","at":"2026-11-23T10:01:00+00:00","text":"a1"}', 7, NULL);
                INSERT INTO conversation_events VALUES ('demo/c:a', 2, 'demo', 'message', NULL, '2026-11-23T10:02:00.0000000Z', '{"seq":2,"type":"message","at":"2026-11-23T10:02:00+00:00","text":"a2"}', 9, NULL);
                """;
            create.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var storage = new StorageOptions { DataDirectory = directory };
        var database = new SqliteDatabase(storage);
        await using var writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        await using var keys = new SqliteDataKeyStore(storage, NullLogger<SqliteWriter>.Instance);
        var log = new SqliteEventLog(database, writer, TestKeys.Sealer(keys));

        Assert.Equal(["a1", "a2"], (await log.ReadAsync("demo/c:a", 0)).Select(e => e.Text));
        await log.AppendAsync("demo/c:b", [Event(2)]);
        await Assert.ThrowsAsync<EventLogConflictException>(() => log.AppendAsync("demo/c:a", [Event(2)]));
        var feed = await log.ReadAfterAsync(EventLogPosition.Start, 10);
        Assert.Equal([4L, 7, 9, 13], feed.Select(e => e.Position.Index));
        Assert.Equal([("demo/c:b", 1L), ("demo/c:a", 1), ("demo/c:a", 2), ("demo/c:b", 2)], feed.Select(e => (e.ConversationKey, e.Event.Seq)));
        using var connection = database.Open();
        using var schema = connection.CreateCommand();
        schema.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'conversation_events'; ";
        Assert.DoesNotContain("WITHOUT ROWID", (string)schema.ExecuteScalar()!, StringComparison.OrdinalIgnoreCase);
        schema.CommandText = "SELECT version FROM schema_version";
        Assert.Equal((long)SqliteSchema.Version, (long)schema.ExecuteScalar()!);
    }

    private static async Task<List<LoggedEvent>> ReadAsync(EventLogCursor cursor, int atLeast)
    {
        var events = new List<LoggedEvent>();
        while (events.Count < atLeast)
        {
            var batch = await cursor.ReadNextAsync();
            Assert.NotEmpty(batch);
            Assert.InRange(batch.Count, 1, BatchSize);
            events.AddRange(batch);
        }
        return events;
    }

    private static async Task<List<LoggedEvent>> ReadToEndAsync(EventLogCursor cursor)
    {
        var events = new List<LoggedEvent>();
        while (await cursor.ReadNextAsync() is { Count: > 0 } batch)
        {
            events.AddRange(batch);
        }
        return events;
    }

    private static ConversationEvent Event(long seq) => new() { Seq = seq, Type = EventTypes.Message, At = At, Text = $"m{seq}", From = Senders.Visitor };
}
