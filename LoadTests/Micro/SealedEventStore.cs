using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// The event benchmarks' shared set-up: a fresh data directory in temp with its key store, and the product's sealing as
/// it runs (personal fields encrypted with each conversation's key, keys cached). Disposing deletes the directory.
/// </summary>
public sealed class SealedEventStore : IAsyncDisposable
{
    private SealedEventStore(StorageOptions options)
    {
        Options = options;
        Keys = new SqliteDataKeyStore(options, NullLogger<SqliteWriter>.Instance);
        var masters = new MasterKeys(MasterKey.Parse(MasterKeys.DevelopmentKey, "benchmark"), []);
        Sealer = new EventSealer(new ConversationKeys(Keys, masters, TimeProvider.System, NullLogger<ConversationKeys>.Instance));
    }

    public StorageOptions Options { get; }

    public SqliteDataKeyStore Keys { get; }

    public EventSealer Sealer { get; }

    public static SealedEventStore Create() =>
        new(new StorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "switchboard-micro-" + GrainKeys.NewId()) });

    public async ValueTask DisposeAsync()
    {
        await Keys.DisposeAsync();
        Directory.Delete(Options.DataDirectory, recursive: true);
    }
}
