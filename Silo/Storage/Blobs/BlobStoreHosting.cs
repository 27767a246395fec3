using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Silo.Storage.Blobs;

public static class BlobStoreHosting
{
    /// <summary>
    /// The one <see cref="IBlobStore"/> that <c>Blobs:Kind</c> names (docs/attachments.md). The gateway and the silo
    /// both ask for it (uploads, messenger senders); a process that hosts both keeps one.
    /// </summary>
    public static IServiceCollection AddSwitchboardBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(IBlobStore)))
        {
            return services;
        }
        var options = configuration.GetSection(BlobStoreOptions.Section).Get<BlobStoreOptions>() ?? new BlobStoreOptions();
        if (string.Equals(options.Kind, BlobStoreOptions.S3, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IBlobStore>(_ => new S3BlobStore(options));
        }
        else if (string.Equals(options.Kind, BlobStoreOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = options.ConnectionString.Length > 0 ? options.ConnectionString : configuration["Cluster:Postgres"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Blobs:Kind=Postgres needs Blobs:ConnectionString or Cluster:Postgres.");
            }
            services.AddSingleton<IBlobStore>(_ => new PostgresBlobStore(connectionString));
        }
        else if (string.Equals(options.Kind, BlobStoreOptions.FileSystem, StringComparison.OrdinalIgnoreCase))
        {
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            var directory = options.Directory.Length > 0 ? options.Directory : Path.Combine(storage.FullDataDirectory, "attachments");
            services.AddSingleton<IBlobStore>(_ => new FileSystemBlobStore(directory));
        }
        else
        {
            throw new InvalidOperationException($"Blobs:Kind is '{options.Kind}'; it is {BlobStoreOptions.FileSystem}, {BlobStoreOptions.S3} or {BlobStoreOptions.Postgres}.");
        }
        return services;
    }
}
