using System.Data.Common;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Silo.Storage.Campaigns;

/// <summary>The cluster's contacts: tables of their own in the cluster's database (schema step 5).</summary>
public sealed class PostgresCampaignDatabase(PostgresDatabase database) : ICampaignDatabase
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await database.DataSource.OpenConnectionAsync(cancellationToken);

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);
}
