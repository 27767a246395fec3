using System.Text.Json;
using Microsoft.Data.Sqlite;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The conversation event log in the standalone SQLite file.</summary>
public sealed class SqliteEventLog(SqliteDatabase database, SqliteWriter writer) : IEventLog, IEventLogFeed
{
    // One writer (SqliteWriter) commits in order, so positions taken from the counter commit in order too.
    private const string InsertSql = """
        UPDATE event_log_head SET position = position + 1;
        INSERT INTO conversation_events (conversation, seq, site, type, client_id, at, payload, position)
        VALUES ($conversation, $seq, $site, $type, $client, $at, $payload, (SELECT position FROM event_log_head));
        """;

    private const string FeedSql = """
        SELECT position, conversation, payload FROM conversation_events
         WHERE position > $after ORDER BY position LIMIT $limit
        """;

    private const int SqliteConstraint = 19;

    public Task AppendAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        var site = GrainKeys.Parse(conversationKey).Site;
        return writer.Enqueue(context =>
        {
            foreach (var evt in events)
            {
                var command = context.Command(InsertSql);
                command.Parameters.AddWithValue("$conversation", conversationKey);
                command.Parameters.AddWithValue("$seq", evt.Seq);
                command.Parameters.AddWithValue("$site", site);
                command.Parameters.AddWithValue("$type", evt.Type);
                command.Parameters.AddWithValue("$client", (object?)evt.ClientId ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", evt.At.UtcDateTime.ToString("O"));
                command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(evt, EventJson.Default.ConversationEvent));
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
                {
                    throw new EventLogConflictException(conversationKey, evt.Seq);
                }
            }
            return true;
        });
    }

    public async Task<IReadOnlyList<ConversationEvent>> ReadAsync(string conversationKey, long afterSeq, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM conversation_events WHERE conversation = $conversation AND seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$conversation", conversationKey);
        command.Parameters.AddWithValue("$after", afterSeq);
        var events = new List<ConversationEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Decode(reader.GetString(0)));
        }
        return events;
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(EventLogPosition after, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = FeedSql;
        command.Parameters.AddWithValue("$after", after.Index);
        command.Parameters.AddWithValue("$limit", limit);
        var events = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new LoggedEvent(new EventLogPosition(0, reader.GetInt64(0)), reader.GetString(1), Decode(reader.GetString(2))));
        }
        return events;
    }

    private static ConversationEvent Decode(string payload) =>
        JsonSerializer.Deserialize(payload, EventJson.Default.ConversationEvent)!;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
