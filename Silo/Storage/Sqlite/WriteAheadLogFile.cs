namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// A database's write-ahead log file (<c>&lt;file&gt;-wal</c>), synced through a handle of its own: on Linux a sync
/// flushes the file whichever descriptor wrote it, so this one makes SQLite's writes durable (fsync; FlushFileBuffers on
/// Windows). Opened at the first sync, when the writer's first commit has made the file. SQLite keeps the file while
/// any connection to the database is open, and the writer's stays open as long as this does.
/// </summary>
public sealed class WriteAheadLogFile(string databasePath) : IWriteAheadLogSync, IDisposable
{
    private FileStream? _file;

    public string Path { get; } = databasePath + "-wal";

    public void Sync() => (_file ??= Open()).Flush(flushToDisk: true);

    public void Dispose() => _file?.Dispose();

    // Shared every way, and never written through: SQLite writes the file, this handle only syncs it.
    private FileStream Open() =>
        new(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
}
