using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Postgres;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>The conversation event log on real PostgreSQL: appends, group commit, conflicts, reads.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresEventLogTests(DatabaseServers servers) : IAsyncLifetime
{
    private const int Conversations = 200;
    private const int MessagesEach = 20;
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private PostgresEventLogSetup _setup = null!;

    private PostgresDatabase Database => _setup.Database;
    private PostgresWriter Writer => _setup.Writer;
    private PostgresEventLog Log => _setup.Log;

    public async Task InitializeAsync() => _setup = await PostgresEventLogSetup.CreateAsync(servers, "event_log");

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task Appended_events_read_back_in_order_with_every_field_and_any_text()
    {
        var key = NewConversation();
        ConversationEvent[] events =
        [
            new() { Seq = 1, Type = EventTypes.Started, At = At, Queue = "general", VisitorId = "v1", VisitorName = "Анна" },
            Message(2, "c-2", "Здравствуйте! Есть ли размер M? 👗🛒"),
            Message(3, "c-3", "quotes \" and \\ and a nul \u0000 and <b>tags</b>"),
        ];

        await Log.AppendAsync(key, events);

        Assert.Equal(events, await Log.ReadAsync(key, 0));
        Assert.Equal(events[1..], await Log.ReadAsync(key, 1));
        Assert.Equal(events[1..2], await Log.ReadAsync(key, 1, limit: 1));
        Assert.Empty(await Log.ReadAsync(key, 3));
        Assert.True(await Log.IsReachableAsync());
    }

    [Fact]
    public async Task Appends_from_many_conversations_share_commits()
    {
        var keys = Enumerable.Range(0, Conversations).Select(_ => NewConversation()).ToList();
        var commitsBefore = Writer.Commits;

        await Task.WhenAll(keys.Select(key => Log.AppendAsync(key, [Message(1, "c-1", key)])));

        var commits = Writer.Commits - commitsBefore;
        Assert.InRange(commits, 1, Conversations - 1);
        foreach (var key in keys)
        {
            Assert.Equal(key, Assert.Single(await Log.ReadAsync(key, 0)).Text);
        }
    }

    [Fact]
    public async Task A_second_writer_of_a_seq_conflicts_alone_and_changes_nothing()
    {
        var taken = NewConversation();
        await Log.AppendAsync(taken, [Message(1, "first", "first")]);
        var innocent = NewConversation();

        // Queued together, so they travel in one batch: the conflict must not take the other append down.
        var conflicting = Log.AppendAsync(taken, [Message(1, "second", "second"), Message(2, "third", "third")]);
        var fine = Log.AppendAsync(innocent, [Message(1, "ok", "ok")]);

        var conflict = await Assert.ThrowsAsync<EventLogConflictException>(() => conflicting);
        Assert.Contains(taken, conflict.Message);
        await fine;
        Assert.Equal(["first"], (await Log.ReadAsync(taken, 0)).Select(e => e.Text));
        Assert.Equal(["ok"], (await Log.ReadAsync(innocent, 0)).Select(e => e.Text));
    }

    [Fact]
    public async Task Concurrent_conversations_never_interleave_their_sequences()
    {
        var keys = Enumerable.Range(0, Conversations / 10).Select(_ => NewConversation()).ToList();

        // Each conversation appends one event at a time (as its grain does); all conversations at once.
        await Task.WhenAll(keys.Select(async key =>
        {
            for (var seq = 1; seq <= MessagesEach; seq++)
            {
                await Log.AppendAsync(key, [Message(seq, $"c-{seq}", $"{key}#{seq}")]);
            }
        }));

        foreach (var key in keys)
        {
            var events = await Log.ReadAsync(key, 0);
            Assert.Equal(Enumerable.Range(1, MessagesEach).Select(s => (long)s), events.Select(e => e.Seq));
            Assert.All(events, e => Assert.Equal($"{key}#{e.Seq}", e.Text));
        }
    }

    [Fact]
    public async Task The_feed_waits_for_an_older_transaction_still_open_so_a_follower_never_skips_its_events()
    {
        var slow = NewConversation();
        var fast = NewConversation();
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var open = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(EventLogSql.Append, connection, open))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = slow });
            insert.Parameters.Add(new NpgsqlParameter { Value = "log" });
            insert.Parameters.Add(new NpgsqlParameter { Value = new[] { 1L } });
            insert.Parameters.Add(new NpgsqlParameter { Value = new[] { EventTypes.Message } });
            insert.Parameters.Add(new NpgsqlParameter { Value = new string?[] { null } });
            insert.Parameters.Add(new NpgsqlParameter { Value = new[] { At } });
            insert.Parameters.Add(new NpgsqlParameter { Value = new[] { """{"seq":1,"type":"message","at":"2026-11-23T09:00:00+00:00"}""" } });
            insert.Parameters.Add(new NpgsqlParameter { Value = new byte[]?[] { null } });
            await insert.ExecuteNonQueryAsync();
        }
        await Log.AppendAsync(fast, [Message(1, "c-1", "committed first")]);

        var cursor = new EventLogCursor(Log, EventLogPosition.Start);
        Assert.Empty(await cursor.ReadNextAsync());

        await open.CommitAsync();
        Assert.Equal([slow, fast], (await cursor.ReadNextAsync()).Select(e => e.ConversationKey));
        Assert.Empty(await cursor.ReadNextAsync());
    }

    [Fact]
    public async Task A_follower_that_reads_only_the_started_events_personal_fields_gets_the_others_unopened()
    {
        var key = NewConversation();
        await Log.AppendAsync(key, [
            new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = At, CustomerId = "customer-7" },
            Message(2, "c-2", "my order?"),
        ]);

        var cursor = new EventLogCursor(Log, EventLogPosition.Start, personalFieldsOf: ChatFacts.ReadsPersonalFieldsOf);
        var forReports = new List<LoggedEvent>();
        for (var batch = await cursor.ReadNextAsync(); batch.Count > 0; batch = await cursor.ReadNextAsync())
        {
            forReports.AddRange(batch.Where(e => e.ConversationKey == key));
        }

        Assert.Equal("customer-7", forReports[0].Event.CustomerId);
        Assert.Equal(EventTypes.Message, forReports[1].Event.Type);
        Assert.Null(forReports[1].Event.Text);
        Assert.Equal("my order?", (await Log.ReadAsync(key, 0))[1].Text);
    }

    [Fact]
    public async Task A_follower_reading_while_conversations_append_sees_every_event_exactly_once()
    {
        var keys = Enumerable.Range(0, Conversations / 10).Select(_ => NewConversation()).ToHashSet();
        var appends = Task.WhenAll(keys.Select(async key =>
        {
            for (var seq = 1; seq <= MessagesEach; seq++)
            {
                await Log.AppendAsync(key, [Message(seq, $"c-{seq}", key)]);
            }
        }));

        var cursor = new EventLogCursor(Log, EventLogPosition.Start, batchSize: 50);
        var seen = new List<LoggedEvent>();
        while (true)
        {
            var finished = appends.IsCompleted;
            var batch = await cursor.ReadNextAsync();
            seen.AddRange(batch.Where(e => keys.Contains(e.ConversationKey)));
            if (finished && batch.Count == 0)
            {
                break;
            }
        }
        await appends;

        Assert.Equal(keys.Count * MessagesEach, seen.Count);
        Assert.Equal(seen.Count, seen.Select(e => (e.ConversationKey, e.Event.Seq)).Distinct().Count());
        foreach (var conversation in seen.GroupBy(e => e.ConversationKey))
        {
            Assert.Equal(Enumerable.Range(1, MessagesEach).Select(i => (long)i), conversation.Select(e => e.Event.Seq));
        }
    }

    private static string NewConversation() => GrainKeys.Conversation("log", GrainKeys.NewId());

    private static ConversationEvent Message(long seq, string clientId, string text) => new()
    {
        Seq = seq, Type = EventTypes.Message, At = At.AddSeconds(seq), ClientId = clientId, From = Senders.Visitor,
        Text = text, Kind = MessageKinds.Text,
    };
}
