using System.Text.Json;
using Npgsql;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The conversation event log in PostgreSQL (cluster mode); appends go through the group commit.</summary>
public sealed class PostgresEventLog(PostgresDatabase database, PostgresWriter writer) : IEventLog, IEventLogFeed
{
    public Task AppendAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(conversationKey, GrainKeys.Parse(conversationKey).Site, events);

    public async Task<IReadOnlyList<ConversationEvent>> ReadAsync(string conversationKey, long afterSeq, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(EventLogSql.Read);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationKey });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
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
        await using var command = database.DataSource.CreateCommand(EventLogSql.ReadFeed);
        command.Parameters.Add(new NpgsqlParameter { Value = after.Commit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Index });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var events = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var position = new EventLogPosition(reader.GetInt64(0), reader.GetInt64(1));
            events.Add(new LoggedEvent(position, reader.GetString(2), Decode(reader.GetString(3))));
        }
        return events;
    }

    private static ConversationEvent Decode(string payload) =>
        JsonSerializer.Deserialize(payload, EventJson.Default.ConversationEvent)!;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("SELECT max(version) FROM switchboard_schema");
        return await command.ExecuteScalarAsync(cancellationToken) is int;
    }
}
