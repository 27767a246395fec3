using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Silo.Hosting;

public static class PostgresServices
{
    /// <summary>The cluster's database and the event log on it; silos append, gateways only check it is reachable.</summary>
    public static IServiceCollection AddSwitchboardPostgres(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PostgresDatabase(connectionString));
        services.AddSingleton<PostgresWriter>();
        services.AddSingleton<IEventLog, PostgresEventLog>();
        services.AddSingleton<IEventLogWindows, PostgresEventLogWindows>();
        services.AddSingleton<SchemaMigration>();
        return services;
    }
}
