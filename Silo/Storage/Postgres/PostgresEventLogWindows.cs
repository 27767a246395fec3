using Npgsql;
using Switchboard.Grains.Storage;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The PostgreSQL log's (site, at) index, for exports.</summary>
public sealed class PostgresEventLogWindows(PostgresDatabase database) : IEventLogWindows
{
    private const string Sql = """
        SELECT conversation, MIN(seq) FROM conversation_events
        WHERE site = $1 AND at >= $2 AND at < $3 GROUP BY conversation
        """;

    public async Task<IReadOnlyList<(string ConversationKey, long FirstSeq)>> ConversationsBetween(
        string site, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = to.ToUniversalTime() });
        var found = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return found;
    }
}
