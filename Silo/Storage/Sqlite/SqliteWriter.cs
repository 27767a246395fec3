using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// The one writer of the SQLite file, with group commit: writes queued by many grains while the previous
/// commit was syncing go into the next transaction together, so one disk sync acknowledges a whole batch.
/// Each write runs inside its own savepoint, so one failed write fails alone. The log is copied back into the
/// database file beside the commits (<see cref="SqliteCheckpointer"/>), not inside one.
/// </summary>
public sealed class SqliteWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly ILogger<SqliteWriter> _logger;
    private readonly Task _loop;
    private readonly SqliteCheckpointer _checkpointer;
    private int _commitsSinceCheckpoint;
    // Only a failed write needs a slot of its own; the successful ones keep their results themselves.
    private readonly Exception?[] _errors = new Exception?[MaxBatch];

    public SqliteWriter(SqliteDatabase database, ILogger<SqliteWriter> logger)
    {
        _connection = database.Open();
        using (var noAutoCheckpoint = _connection.CreateCommand())
        {
            noAutoCheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 0";
            noAutoCheckpoint.ExecuteNonQuery();
        }
        _logger = logger;
        _checkpointer = new SqliteCheckpointer(database, logger);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Commits so far and the writes they carried: the batching figure the benchmarks report.</summary>
    public long Commits { get; private set; }
    public long Writes { get; private set; }

    /// <summary>Background checkpoints so far.</summary>
    public long Checkpoints => _checkpointer.Checkpoints;

    /// <summary>Runs <paramref name="write"/> in the next batch; completes once its transaction is durable.</summary>
    public Task<T> Enqueue<T>(Func<SqliteWriteContext, T> write)
    {
        var pending = new SqliteWrite<T>(write);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }
        return pending.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _checkpointer.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWrite>(MaxBatch);
        var context = new SqliteWriteContext(_connection);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            if (_checkpointer.Behind)
            {
                CatchUpCheckpoint(context);
            }
            CommitBatch(batch, context);
            if (++_commitsSinceCheckpoint >= SqliteCheckpointer.CommitsPerCheckpoint)
            {
                _commitsSinceCheckpoint = 0;
                _checkpointer.Due();
            }
        }
    }

    /// <summary>Checkpoints beside the commits never caught up: copy the whole log now, so the next commit restarts it.</summary>
    private void CatchUpCheckpoint(SqliteWriteContext context)
    {
        _checkpointer.Behind = false;
        try
        {
            context.Execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SqliteException error)
        {
            // The writes go on either way; the log stays long until a later checkpoint gets through.
            _logger.LogWarning(error, "The writer's own checkpoint failed");
        }
    }

    private void CommitBatch(List<SqliteWrite> batch, SqliteWriteContext context)
    {
        var errors = _errors;
        Array.Clear(errors, 0, batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction();
            context.Transaction = transaction;
            for (var i = 0; i < batch.Count; i++)
            {
                context.Execute("SAVEPOINT write");
                try
                {
                    batch[i].Run(context);
                    context.Execute("RELEASE write");
                }
                catch (Exception error)
                {
                    context.Execute("ROLLBACK TO write; RELEASE write");
                    errors[i] = error;
                }
            }
            transaction.Commit();
            Commits++;
            Writes += batch.Count;
        }
        catch (Exception error)
        {
            _logger.LogError(error, "A batch of {Count} writes failed to commit", batch.Count);
            Array.Fill(errors, error, 0, batch.Count);
        }
        finally
        {
            context.Transaction = null;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Fail(error);
            }
            else
            {
                batch[i].Succeed();
            }
        }
    }
}
