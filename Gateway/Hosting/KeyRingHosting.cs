using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Switchboard.Silo.Hosting;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Gateway.Hosting;

public static class KeyRingHosting
{
    public const string ApplicationName = "switchboard";

    /// <summary>
    /// The key ring that signs and encrypts tokens: in the data directory (standalone), or in PostgreSQL
    /// (cluster), where every gateway reads the same keys, so a token issued by one is valid on all.
    /// </summary>
    public static IServiceCollection AddSwitchboardKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        if (ClusterModeOptions.From(configuration).IsCluster)
        {
            // Registered before AddDataProtection, whose own hosted service loads (and, on an empty ring,
            // creates) a key at start: the bootstrap must have settled the first key by then.
            services.AddHostedService<KeyRingBootstrap>();
            services.AddDataProtection().SetApplicationName(ApplicationName);
            services.AddOptions<KeyManagementOptions>()
                .Configure<PostgresDatabase>((options, database) => options.XmlRepository = new PostgresXmlRepository(database));
        }
        else
        {
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            services.AddDataProtection().SetApplicationName(ApplicationName)
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataDirectory, "keys")));
        }
        return services;
    }
}
