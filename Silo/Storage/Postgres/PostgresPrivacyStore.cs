using Npgsql;
using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The erasure audit and retention deletes in the cluster's database.</summary>
public sealed class PostgresPrivacyStore(PostgresDatabase database) : IPrivacyStore
{
    public async Task RecordErasureAsync(string site, ErasureRecord erasure, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(ErasureSql.Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = erasure.Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = erasure.RequestedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = erasure.At.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = erasure.Conversations });
        command.Parameters.Add(new NpgsqlParameter { Value = erasure.Attachments });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ErasureRecord>> ErasuresAsync(string site, int max, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(ErasureSql.List);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        var erasures = new List<ErasureRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            erasures.Add(new ErasureRecord(reader.GetString(0), reader.GetString(1),
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetInt32(3), reader.GetInt32(4)));
        }
        return erasures;
    }

    public async Task<IReadOnlyList<string>> SitesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(ErasureSql.Sites);
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
        await using var command = database.DataSource.CreateCommand(ErasureSql.Expired);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = before.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    public async Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(ErasureSql.DeleteConversation);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
