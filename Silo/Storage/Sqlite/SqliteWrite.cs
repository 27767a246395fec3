namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>One queued write, run inside a batch; told afterwards whether its batch became durable.</summary>
internal abstract class SqliteWrite
{
    /// <summary>Runs the write in the batch's transaction, keeping its result until the commit.</summary>
    public abstract void Run(SqliteWriteContext context);

    /// <summary>The batch is durable: hand the kept result to the caller.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception error);
}
