using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Postgres;
using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Silo.Hosting;

public static class PostgresServices
{
    /// <summary>The cluster's database and the event log on it; silos append, gateways only check it is reachable.</summary>
    public static IServiceCollection AddSwitchboardPostgres(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PostgresDatabase(connectionString));
        services.AddSingleton<PostgresWriter>();
        services.AddSwitchboardEncryption(configuration);
        services.AddSingleton<IDataKeyStore, PostgresDataKeyStore>();
        services.AddSingleton<PostgresEventLog>();
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<PostgresEventLog>());
        services.AddSingleton<IEventLogFeed>(sp => sp.GetRequiredService<PostgresEventLog>());
        services.AddSingleton<IPrivacyStore, PostgresPrivacyStore>();
        services.AddSingleton<IEventLogWindows, PostgresEventLogWindows>();
        services.AddSingleton<SchemaMigration>();
        return services;
    }
}
