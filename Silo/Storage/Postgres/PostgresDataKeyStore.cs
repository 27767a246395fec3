using Npgsql;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The cluster's key store: the <c>data_keys</c> table, shared by every node.</summary>
public sealed class PostgresDataKeyStore(PostgresDatabase database) : IDataKeyStore
{
    public async Task<WrappedKey?> FindAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(DataKeySql.Find);
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new WrappedKey(reader.GetString(0), (byte[])reader[1]) : null;
    }

    public async Task<WrappedKey> AddAsync(string owner, WrappedKey key, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(DataKeySql.Add);
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = key.WrappedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Sealed });
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new WrappedKey(reader.GetString(0), (byte[])reader[1]);
            }
        }
        // Another insert of the same owner was in flight: ours waited for it and did nothing, but the statement's
        // snapshot predates its commit, so neither half saw a row. It has committed now; read it.
        return await FindAsync(owner, cancellationToken)
            ?? throw new InvalidOperationException($"The key of '{owner}' was neither added nor found.");
    }

    public Task ReplaceAsync(string owner, WrappedKey key, CancellationToken cancellationToken = default) =>
        ExecuteAsync(DataKeySql.Replace, cancellationToken, owner, key.WrappedBy, key.Sealed);

    public Task DeleteAsync(string owner, CancellationToken cancellationToken = default) =>
        ExecuteAsync(DataKeySql.Delete, cancellationToken, owner);

    public async Task<IReadOnlyList<(string Owner, WrappedKey Key)>> SiteKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(DataKeySql.SiteKeys);
        var keys = new List<(string, WrappedKey)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), new WrappedKey(reader.GetString(1), (byte[])reader[2])));
        }
        return keys;
    }

    public async Task<IReadOnlyList<(string Owner, WrappedKey Key)>> DataKeysOfSiteAsync(string site, string after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(DataKeySql.DataKeysOfSite);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = site + "/" });
        command.Parameters.Add(new NpgsqlParameter { Value = site + "0" });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var keys = new List<(string, WrappedKey)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add((reader.GetString(0), new WrappedKey(reader.GetString(1), (byte[])reader[2])));
        }
        return keys;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
