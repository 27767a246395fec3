namespace Switchboard.Tests.Cluster;

/// <summary>
/// PostgreSQL and Redis, started once for every cluster test. When they cannot be started the tests fail
/// (they never skip): cluster mode is not proven without them.
/// </summary>
public sealed class DatabaseServers : IAsyncLifetime
{
    public const string Name = nameof(DatabaseServers);

    private readonly Lock _gate = new();
    private Task<ProviderSilo>? _providerSilo;

    public PostgresServer Postgres { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;

    /// <summary>One in-process silo shared by the provider tests (a silo start is seconds; they each use keys of their own).</summary>
    public Task<ProviderSilo> ProviderSiloAsync()
    {
        lock (_gate)
        {
            return _providerSilo ??= StartProviderSiloAsync();
        }
    }

    private async Task<ProviderSilo> StartProviderSiloAsync()
    {
        var postgres = await Postgres.CreateDatabaseAsync("providers");
        var serviceId = $"providers-{Guid.NewGuid():N}";
        return new ProviderSilo(await InProcessSilo.StartAsync(this, postgres, serviceId), postgres, serviceId);
    }

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var redis = RedisServer.StartAsync();
        try
        {
            await Task.WhenAll(postgres, redis);
        }
        finally
        {
            // Whichever did start is kept for DisposeAsync, so a half-started pair is still stopped.
            Postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null!;
            Redis = redis.IsCompletedSuccessfully ? redis.Result : null!;
        }
    }

    public async Task DisposeAsync()
    {
        if (_providerSilo is { IsCompletedSuccessfully: true } started)
        {
            await started.Result.Silo.DisposeAsync();
        }
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(DatabaseServers.Name)]
public sealed class DatabaseServersCollection : ICollectionFixture<DatabaseServers>;
