namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// Makes everything written to a database's write-ahead log so far durable: what <see cref="SqliteWriter"/> waits for
/// before it tells a write's caller it is stored. A seam so tests can hold a sync and see what goes on beside it.
/// </summary>
public interface IWriteAheadLogSync
{
    void Sync();
}
