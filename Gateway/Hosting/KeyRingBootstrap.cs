using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Silo.Hosting;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Cluster start-up of a gateway: applies the schema (whichever node starts first creates it), then makes
/// sure the shared key ring has a usable key before any token is issued. Under an advisory lock, so gateways
/// starting together agree on one first key; otherwise each would make its own and, until their key rings
/// next refresh, reject the tokens the others issued.
/// </summary>
public sealed class KeyRingBootstrap(
    PostgresDatabase database,
    SchemaMigration migration,
    IKeyManager keys,
    IOptions<KeyManagementOptions> options,
    TimeProvider clock,
    ILogger<KeyRingBootstrap> logger) : IHostedService
{
    /// <summary>"Switchboard key ring": differs from the schema lock so the two never wait on each other.</summary>
    public const long AdvisoryLock = 0x5357_4244_4b45_5953;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migration.ApplyAsync(cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLock})", connection, transaction))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        var now = clock.GetUtcNow();
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ExpirationDate > now))
        {
            var key = keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
            logger.LogInformation("Created the cluster's first token key {KeyId}", key.KeyId);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
