using Npgsql;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>
/// The project's own PostgreSQL schema, applied at every silo and gateway start: idempotent, and serialized
/// by an advisory lock, because concurrent <c>CREATE TABLE IF NOT EXISTS</c> from several starting nodes can
/// still collide in the catalog. The Orleans providers' named queries are rewritten every time, so a fixed
/// query reaches existing databases with the next deployment.
/// </summary>
public static class PostgresSchema
{
    public const int Version = 7;

    /// <summary>An arbitrary constant shared by every node of every version: "Switchboard schema".</summary>
    public const long AdvisoryLock = 0x5357_4244_5343_4831;

    private static readonly (int Version, string Script)[] Steps =
    [
        (1, string.Join('\n', OrleansStorageSql.Table, OrleansRemindersSql.Table, EventLogSql.Table, KeyRingSql.Table)),
        (2, string.Join('\n', EventLogSql.Feed, Reports.ReportSql.Tables)),
        (3, string.Join('\n', EventLogSql.SealedColumn, DataKeySql.Table, ErasureSql.Table)),
        (4, Reports.ReportSql.CustomerStep),
        (5, Campaigns.CampaignSql.Tables),
        (6, Reports.ReportSql.DayTables),
        (7, Reports.OperatorTimeSql.Table),
    ];

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Transaction-scoped: released by commit or rollback, and by the server if this node dies mid-way.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLock})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS switchboard_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS OrleansQuery (QueryKey varchar(64) PRIMARY KEY, QueryText text NOT NULL);
            """, cancellationToken);

        var applied = await AppliedVersionAsync(connection, transaction, cancellationToken);
        foreach (var (version, script) in Steps.Where(step => step.Version > applied))
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO switchboard_schema (version, applied_at) VALUES ($1, now())", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (key, text) in OrleansStorageSql.Queries.Concat(OrleansRemindersSql.Queries))
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ($1, $2) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText",
                connection, transaction);
            upsert.Parameters.Add(new NpgsqlParameter { Value = key });
            upsert.Parameters.Add(new NpgsqlParameter { Value = text });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The newest applied version, or 0 for an empty database.</summary>
    public static async Task<int> AppliedVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(max(version), 0) FROM switchboard_schema", connection, transaction);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
