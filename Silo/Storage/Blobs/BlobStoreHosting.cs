using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Silo.Hosting;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Blobs;

public static class BlobStoreHosting
{
    /// <summary>
    /// The one <see cref="IBlobStore"/> that <c>Blobs:Kind</c> names (docs/attachments.md). The gateway and the silo
    /// both ask for it (uploads, messenger senders); a process that hosts both keeps one. Every node of a cluster must
    /// see the same files, so a cluster without a kind uses its own PostgreSQL, and a directory only when it is named
    /// (a shared volume): a node's own directory would lose files between nodes, and is refused at start.
    /// </summary>
    public static IServiceCollection AddSwitchboardBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(IBlobStore)))
        {
            return services;
        }
        var options = configuration.GetSection(BlobStoreOptions.Section).Get<BlobStoreOptions>() ?? new BlobStoreOptions();
        var cluster = ClusterModeOptions.From(configuration).IsCluster;
        if (options.Kind.Length == 0)
        {
            options.Kind = cluster && options.Directory.Length == 0 ? BlobStoreOptions.Postgres : BlobStoreOptions.FileSystem;
        }
        Func<IServiceProvider, IBlobStore> store;
        if (string.Equals(options.Kind, BlobStoreOptions.S3, StringComparison.OrdinalIgnoreCase))
        {
            store = _ => new S3BlobStore(options);
        }
        else if (string.Equals(options.Kind, BlobStoreOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = options.ConnectionString.Length > 0 ? options.ConnectionString : configuration["Cluster:Postgres"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Blobs:Kind=Postgres needs Blobs:ConnectionString or Cluster:Postgres.");
            }
            store = _ => new PostgresBlobStore(connectionString);
        }
        else if (string.Equals(options.Kind, BlobStoreOptions.FileSystem, StringComparison.OrdinalIgnoreCase))
        {
            if (cluster && options.Directory.Length == 0)
            {
                throw new InvalidOperationException(
                    "Blobs:Kind=FileSystem in cluster mode needs Blobs:Directory on a volume every gateway and silo shares: each node's own " +
                    "directory would keep a file where it was uploaded, out of reach of the others (a messenger send, a download through " +
                    "another gateway). Leave Blobs:Kind unset to keep files in the cluster's PostgreSQL, or use S3 (docs/attachments.md, \"Storage\").");
            }
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            var directory = options.Directory.Length > 0 ? options.Directory : Path.Combine(storage.FullDataDirectory, "attachments");
            store = _ => new FileSystemBlobStore(directory);
        }
        else
        {
            throw new InvalidOperationException($"Blobs:Kind is '{options.Kind}'; it is {BlobStoreOptions.FileSystem}, {BlobStoreOptions.S3} or {BlobStoreOptions.Postgres}.");
        }
        // Sealed with the data keys of the host's key store (SQLite standalone, PostgreSQL in a cluster): docs/security.md.
        services.AddSingleton<BlobKeys>();
        services.AddSingleton<IBlobStore>(provider => new SealedBlobStore(store(provider), provider.GetRequiredService<BlobKeys>()));
        return services;
    }
}
