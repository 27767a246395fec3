using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The erasure audit and retention deletes in the standalone file.</summary>
public sealed class SqlitePrivacyStore(SqliteDatabase database, SqliteWriter writer) : IPrivacyStore
{
    public Task RecordErasureAsync(string site, ErasureRecord erasure, CancellationToken cancellationToken = default) => writer.Enqueue(context =>
    {
        var insert = context.Command("""
            INSERT INTO erasures (site, subject, requested_by, at, conversations, attachments)
            VALUES ($site, $subject, $by, $at, $conversations, $attachments)
            """);
        insert.Parameters.AddWithValue("$site", site);
        insert.Parameters.AddWithValue("$subject", erasure.Subject);
        insert.Parameters.AddWithValue("$by", erasure.RequestedBy);
        insert.Parameters.AddWithValue("$at", erasure.At.UtcDateTime.ToString("O"));
        insert.Parameters.AddWithValue("$conversations", erasure.Conversations);
        insert.Parameters.AddWithValue("$attachments", erasure.Attachments);
        return insert.ExecuteNonQuery();
    });

    public async Task<IReadOnlyList<ErasureRecord>> ErasuresAsync(string site, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT subject, requested_by, at, conversations, attachments FROM erasures WHERE site = $site ORDER BY at DESC LIMIT $max";
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$max", max);
        var erasures = new List<ErasureRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            erasures.Add(new ErasureRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2),
                System.Globalization.CultureInfo.InvariantCulture), reader.GetInt32(3), reader.GetInt32(4)));
        }
        return erasures;
    }

    public async Task<IReadOnlyList<string>> SitesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT site FROM conversation_events";
        var sites = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sites.Add(reader.GetString(0));
        }
        return sites;
    }

    public async Task<IReadOnlyList<string>> ExpiredConversationsAsync(string site, DateTimeOffset before, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        // Times are stored as round-trip UTC text, which sorts as the times do.
        command.CommandText = "SELECT conversation FROM conversation_events WHERE site = $site GROUP BY conversation HAVING max(at) < $before LIMIT $max";
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$before", before.UtcDateTime.ToString("O"));
        command.Parameters.AddWithValue("$max", max);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    public Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken = default) => writer.Enqueue(context =>
    {
        // The head first: the writer takes positions from memory and, once restarted, from the newest row or the head,
        // so a deleted newest position must stay counted (SqliteWriteContext.NextEventPosition).
        var delete = context.Command("""
            UPDATE event_log_head SET position = max(position, COALESCE((SELECT max(position) FROM conversation_events), 0));
            DELETE FROM conversation_events WHERE conversation = $conversation
            """);
        delete.Parameters.AddWithValue("$conversation", conversationKey);
        return delete.ExecuteNonQuery();
    });
}
