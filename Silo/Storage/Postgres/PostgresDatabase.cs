using Npgsql;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The cluster's PostgreSQL database: one pooled data source per process.</summary>
public sealed class PostgresDatabase(string connectionString) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public string ConnectionString => connectionString;

    public Task MigrateAsync(CancellationToken cancellationToken = default) => PostgresSchema.MigrateAsync(DataSource, cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
