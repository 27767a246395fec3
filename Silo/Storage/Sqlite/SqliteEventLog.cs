using Microsoft.Data.Sqlite;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The conversation event log in the standalone SQLite file.</summary>
public sealed class SqliteEventLog(SqliteDatabase database, SqliteWriter writer, EventSealer sealer) : IEventLog, IEventLogFeed
{
    // One writer (SqliteWriter) commits in order and hands out the positions, so positions commit in order too.
    private const string InsertSql = """
        INSERT INTO conversation_events (conversation, seq, site, type, client_id, at, payload, sealed, position)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """;

    private const string FeedSql = """
        SELECT position, conversation, payload, sealed FROM conversation_events
         WHERE position > $after ORDER BY position LIMIT $limit
        """;

    private const int SqliteConstraint = 19;

    public async Task AppendAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        var site = GrainKeys.Parse(conversationKey).Site;
        var stored = await sealer.SealAsync(conversationKey, events, cancellationToken);
        try
        {
            await Insert(conversationKey, site, events, stored);
        }
        finally
        {
            StoredEvent.ReturnPayloads(stored);
        }
    }

    private Task<bool> Insert(string conversationKey, string site, IReadOnlyList<ConversationEvent> events, StoredEvent[] stored) =>
        writer.Enqueue(context =>
        {
            var insert = context.Bound(InsertSql);
            for (var i = 0; i < events.Count; i++)
            {
                var evt = events[i];
                insert.Bind(1, conversationKey);
                insert.Bind(2, evt.Seq);
                insert.Bind(3, site);
                insert.Bind(4, evt.Type);
                insert.Bind(5, evt.ClientId);
                insert.BindUtc(6, evt.At);
                insert.BindUtf8(7, stored[i].Payload);
                insert.Bind(8, stored[i].Sealed);
                insert.Bind(9, context.NextEventPosition());
                try
                {
                    insert.Run();
                }
                catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
                {
                    throw new EventLogConflictException(conversationKey, evt.Seq);
                }
            }
            return true;
        });

    public async Task<IReadOnlyList<ConversationEvent>> ReadAsync(
        string conversationKey, long afterSeq, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var events = new List<ConversationEvent>();
        using var opener = await sealer.OpenerAsync(conversationKey, cancellationToken);
        using var connection = database.Readers.Rent();
        var command = connection.Command(
            "SELECT payload, sealed FROM conversation_events WHERE conversation = $conversation AND seq > $after ORDER BY seq LIMIT $limit",
            ["$conversation", "$after", "$limit"]);
        command.Parameters[0].Value = conversationKey;
        command.Parameters[1].Value = afterSeq;
        command.Parameters[2].Value = limit;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(opener.Open(reader.GetString(0), reader.IsDBNull(1) ? null : (byte[])reader[1]));
        }
        return events;
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(
        EventLogPosition after, int limit, Func<string, bool>? personalFieldsOf = null, CancellationToken cancellationToken = default)
    {
        using var connection = database.Readers.Rent();
        var command = connection.Command(FeedSql, ["$after", "$limit"]);
        command.Parameters[0].Value = after.Index;
        command.Parameters[1].Value = limit;
        var events = new List<LoggedEvent>();
        using var openers = new FeedOpeners(sealer, personalFieldsOf);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var conversationKey = reader.GetString(1);
                var evt = await openers.ReadAsync(conversationKey, reader.GetString(2), reader.IsDBNull(3) ? null : (byte[])reader[3], cancellationToken);
                events.Add(new LoggedEvent(new EventLogPosition(0, reader.GetInt64(0)), conversationKey, evt));
            }
        }
        // Only what the disk holds: a commit's rows are visible before its sync (SqliteWriter). Read after the rows.
        return WithoutUnsynced(events, writer.FeedLimit.Value);
    }

    private static List<LoggedEvent> WithoutUnsynced(List<LoggedEvent> events, long limit)
    {
        var kept = events.Count;
        while (kept > 0 && events[kept - 1].Position.Index > limit)
        {
            kept--;
        }
        events.RemoveRange(kept, events.Count - kept);
        return events;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
