using Switchboard.Grains.Storage;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The SQLite log's (site, at) index, for exports. <c>at</c> is stored as round-trip UTC text, which sorts as time.</summary>
public sealed class SqliteEventLogWindows(SqliteDatabase database) : IEventLogWindows
{
    public async Task<IReadOnlyList<(string ConversationKey, long FirstSeq)>> ConversationsBetween(
        string site, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conversation, MIN(seq) FROM conversation_events
            WHERE site = $site AND at >= $from AND at < $to GROUP BY conversation
            """;
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$from", from.UtcDateTime.ToString("O"));
        command.Parameters.AddWithValue("$to", to.UtcDateTime.ToString("O"));
        var found = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return found;
    }
}
