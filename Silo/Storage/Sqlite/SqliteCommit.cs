namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// A batch committed to the log and waiting for the sync that makes it durable: the writes to tell then, when the
/// batch began (the commit's measured time runs to the sync's end), and the last feed position it carried (0: none).
/// </summary>
internal sealed record SqliteCommit(SqliteWrite[] Writes, long StartedAt, long LastPosition);
