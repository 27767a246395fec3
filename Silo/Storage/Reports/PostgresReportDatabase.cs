using System.Data.Common;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>The cluster's read model: its own tables in the cluster's database (created by the schema migration).</summary>
public sealed class PostgresReportDatabase(PostgresDatabase database) : IReportDatabase
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await database.DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>The same connections: PostgreSQL's commits are the cluster's to configure (<c>synchronous_commit</c>).</summary>
    public Task<DbConnection> OpenForFoldingAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken) =>
        PostgresProjectionLead.TryTakeAsync(database.DataSource, cancellationToken);
}
