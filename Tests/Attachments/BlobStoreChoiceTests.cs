using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Blobs;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.Tests.Attachments;

/// <summary>
/// Which store keeps files, from configuration alone: standalone a directory; a cluster one store every node sees —
/// its PostgreSQL unless told otherwise, and never a node's own directory, which is refused at start.
/// </summary>
public sealed class BlobStoreChoiceTests
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Database=none";

    [Fact]
    public async Task Standalone_keeps_files_in_its_data_directory()
    {
        using var data = new Infrastructure.TempDirectory();

        var store = await StoreFor(new() { ["Storage:DataDirectory"] = data.Path });

        Assert.Equal(typeof(FileSystemBlobStore), store);
    }

    [Fact]
    public async Task A_cluster_without_a_blob_kind_keeps_files_in_its_postgresql()
    {
        var store = await StoreFor(new() { ["Cluster:Mode"] = "Cluster", ["Cluster:Postgres"] = Postgres });

        Assert.Equal(typeof(PostgresBlobStore), store);
    }

    [Fact]
    public async Task A_cluster_may_keep_files_in_a_named_shared_directory()
    {
        using var shared = new Infrastructure.TempDirectory();

        var store = await StoreFor(new() { ["Cluster:Mode"] = "Cluster", ["Cluster:Postgres"] = Postgres, ["Blobs:Directory"] = shared.Path });

        Assert.Equal(typeof(FileSystemBlobStore), store);
    }

    [Fact]
    public async Task A_cluster_node_refuses_to_start_on_its_own_directory()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StoreFor(new() { ["Cluster:Mode"] = "Cluster", ["Cluster:Postgres"] = Postgres, ["Blobs:Kind"] = "FileSystem" }));

        Assert.Contains("needs Blobs:Directory on a volume every gateway and silo shares", refused.Message);
    }

    /// <summary>The type of the store behind the encryption; it is made but never used (the PostgreSQL address leads nowhere).</summary>
    private static async Task<Type> StoreFor(Dictionary<string, string?> settings)
    {
        using var keys = new Infrastructure.TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSwitchboardBlobStore(configuration);
        services.AddSingleton(Infrastructure.TestKeys.Masters());
        await using var keyStore = new SqliteDataKeyStore(new StorageOptions { DataDirectory = keys.Path }, NullLogger<SqliteWriter>.Instance);
        services.AddSingleton<IDataKeyStore>(keyStore);
        await using var provider = services.BuildServiceProvider();
        var store = Assert.IsType<SealedBlobStore>(provider.GetRequiredService<IBlobStore>());
        return store.Inner.GetType();
    }
}
