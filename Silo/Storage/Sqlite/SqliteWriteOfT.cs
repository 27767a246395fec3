namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// A write returning <typeparamref name="T"/> and the promise that it is durable: typed, so a write costs the caller's
/// delegate, this object and its task, with no wrapping delegate, no boxed result and no unwrapping await (issue 16).
/// </summary>
internal sealed class SqliteWrite<T>(Func<SqliteWriteContext, T> write) : SqliteWrite
{
    // Continuations must not run on the writer's thread, or one slow caller would stall every batch.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Completion => _completion.Task;

    public override void Run(SqliteWriteContext context) => _result = write(context);

    public override void Succeed() => _completion.TrySetResult(_result!);

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
