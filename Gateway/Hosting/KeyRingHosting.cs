using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Switchboard.Silo.Hosting;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Gateway.Hosting;

public static class KeyRingHosting
{
    /// <summary>
    /// The key ring that signs and encrypts tokens: in the data directory (standalone), or in PostgreSQL
    /// (cluster), where every gateway reads the same keys, so a token issued by one is valid on all.
    /// </summary>
    public static IServiceCollection AddSwitchboardKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("switchboard");
        if (ClusterModeOptions.From(configuration).IsCluster)
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<PostgresDatabase>((options, database) => options.XmlRepository = new PostgresXmlRepository(database));
            services.AddHostedService<KeyRingBootstrap>();
        }
        else
        {
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataDirectory, "keys")));
        }
        return services;
    }
}
