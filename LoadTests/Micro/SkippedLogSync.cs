using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Micro;

/// <summary>A log sync that does nothing: the append's CPU alone, without the disk's sync (micro-benchmarks only; not durable).</summary>
public sealed class SkippedLogSync : IWriteAheadLogSync
{
    public void Sync()
    {
    }
}
