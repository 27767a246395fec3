using Npgsql;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The conversation event log in PostgreSQL (cluster mode); appends go through the group commit.</summary>
public sealed class PostgresEventLog(PostgresDatabase database, PostgresWriter writer, EventSealer sealer) : IEventLog, IEventLogFeed
{
    public async Task AppendAsync(string conversationKey, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        var stored = await sealer.SealAsync(conversationKey, events, cancellationToken);
        try
        {
            await writer.AppendAsync(conversationKey, GrainKeys.Parse(conversationKey).Site, events, stored);
        }
        finally
        {
            StoredEvent.ReturnPayloads(stored);
        }
    }

    public async Task<IReadOnlyList<ConversationEvent>> ReadAsync(
        string conversationKey, long afterSeq, int limit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(EventLogSql.Read);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationKey });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var events = new List<ConversationEvent>();
        using var opener = await sealer.OpenerAsync(conversationKey, cancellationToken);
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
        await using var command = database.DataSource.CreateCommand(EventLogSql.ReadFeed);
        command.Parameters.Add(new NpgsqlParameter { Value = after.Commit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Index });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var events = new List<LoggedEvent>();
        using var openers = new FeedOpeners(sealer, personalFieldsOf);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var position = new EventLogPosition(reader.GetInt64(0), reader.GetInt64(1));
            var conversationKey = reader.GetString(2);
            var evt = await openers.ReadAsync(conversationKey, reader.GetString(3), reader.IsDBNull(4) ? null : (byte[])reader[4], cancellationToken);
            events.Add(new LoggedEvent(position, conversationKey, evt));
        }
        return events;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("SELECT max(version) FROM switchboard_schema");
        return await command.ExecuteScalarAsync(cancellationToken) is int;
    }
}
