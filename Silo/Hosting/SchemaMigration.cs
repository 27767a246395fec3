using Microsoft.Extensions.Logging;
using Npgsql;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Applies the PostgreSQL schema at start, waiting for the database while it is not up yet (containers start
/// in any order). Safe when several silos and gateways start at once: the migration takes an advisory lock.
/// </summary>
public sealed class SchemaMigration(PostgresDatabase database, ILogger<SchemaMigration> logger)
{
    public static readonly TimeSpan WaitForDatabase = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + WaitForDatabase;
        while (true)
        {
            try
            {
                await database.MigrateAsync(cancellationToken);
                logger.LogInformation("PostgreSQL schema is at version {Version}", PostgresSchema.Version);
                return;
            }
            catch (NpgsqlException error) when (error.IsTransient && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Reason}); retrying", error.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
