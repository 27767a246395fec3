namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>One queued write and the promise that it is durable.</summary>
internal sealed class SqliteWrite(Func<SqliteWriteContext, object?> run)
{
    public Func<SqliteWriteContext, object?> Run { get; } = run;

    // Continuations must not run on the writer's thread, or one slow caller would stall every batch.
    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
