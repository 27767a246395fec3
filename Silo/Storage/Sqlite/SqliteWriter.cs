using System.Diagnostics;
using System.Diagnostics.Metrics;
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

    /// <summary>The most the writer waits between two batches for readers to leave the log it wants to start again.</summary>
    public const int TopUpWaitMs = 2;

    private readonly SqliteConnection _connection;
    private readonly SqliteWriteContext _context;
    private readonly ILogger<SqliteWriter> _logger;
    private readonly BatchLoop<SqliteWrite> _loop;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly GroupCommitMetrics? _metrics;
    private int _commitsSinceCheckpoint;
    // Only a failed write needs a slot of its own; the successful ones keep their results themselves.
    private readonly Exception?[] _errors = new Exception?[MaxBatch];

    /// <summary><paramref name="meters"/> given, the commits are measured as the store <c>sqlite</c> (<see cref="GroupCommitMetrics"/>).</summary>
    public SqliteWriter(SqliteDatabase database, ILogger<SqliteWriter> logger, IMeterFactory? meters = null)
    {
        _connection = database.Open();
        using (var noAutoCheckpoint = _connection.CreateCommand())
        {
            noAutoCheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 0";
            noAutoCheckpoint.ExecuteNonQuery();
        }
        _logger = logger;
        _checkpointer = new SqliteCheckpointer(database, logger);
        _metrics = GroupCommitMetrics.Create(meters, "sqlite", () => Commits, () => Writes, () => Restarts);
        _context = new SqliteWriteContext(_connection);
        _loop = new BatchLoop<SqliteWrite>(nameof(SqliteWriter), MaxBatch, WriteBatch);
    }

    /// <summary>Commits so far and the writes they carried: the batching figure the benchmarks report.</summary>
    public long Commits { get; private set; }
    public long Writes { get; private set; }

    /// <summary>Background checkpoints so far.</summary>
    public long Checkpoints => _checkpointer.Checkpoints;

    /// <summary>The writer's own checkpoints between two batches that let the log start again from its beginning.</summary>
    public long Restarts { get; private set; }

    /// <summary>Runs <paramref name="write"/> in the next batch; completes once its transaction is durable.</summary>
    public Task<T> Enqueue<T>(Func<SqliteWriteContext, T> write)
    {
        var pending = new SqliteWrite<T>(write);
        _loop.Enqueue(pending);
        return pending.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        await _loop.DisposeAsync();
        _context.Dispose();
        await _checkpointer.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private Task WriteBatch(List<SqliteWrite> batch)
    {
        if (_checkpointer.TopUpDue)
        {
            TopUpCheckpoint(_context);
        }
        CommitBatch(batch, _context);
        if (++_commitsSinceCheckpoint >= SqliteCheckpointer.CommitsPerCheckpoint)
        {
            _commitsSinceCheckpoint = 0;
            _checkpointer.Due();
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Copies what the checkpoints beside the commits left of the log and waits a moment for readers still on it, so the
    /// next commit writes the log from its beginning again, over pages already on the disk. Readers that do not leave
    /// in <see cref="TopUpWaitMs"/> keep the log growing until the next one.
    /// </summary>
    private void TopUpCheckpoint(SqliteWriteContext context)
    {
        _checkpointer.TopUpDue = false;
        try
        {
            context.Execute($"PRAGMA busy_timeout = {TopUpWaitMs}");
            using var result = context.Command("PRAGMA wal_checkpoint(RESTART)").ExecuteReader();
            // One row: 1 when readers kept the log from starting again, the pages in the log, the pages copied.
            if (result.Read() && result.GetInt64(0) == 0)
            {
                Restarts++;
            }
        }
        catch (SqliteException error)
        {
            // The writes go on either way; the log stays long until a later checkpoint gets through.
            _logger.LogWarning(error, "The writer's own checkpoint failed");
        }
        finally
        {
            RestoreBusyTimeout(context);
        }
    }

    private void RestoreBusyTimeout(SqliteWriteContext context)
    {
        try
        {
            context.Execute($"PRAGMA busy_timeout = {SqliteDatabase.BusyTimeoutMs}");
        }
        catch (SqliteException error)
        {
            // Not fatal: the writer is this file's only writer, so its writes rarely wait for a lock at all.
            _logger.LogWarning(error, "The writer could not restore its lock timeout");
        }
    }

    private void RollBack(SqliteWriteContext context)
    {
        try
        {
            context.RollbackIfOpen();
        }
        catch (SqliteException error)
        {
            // The next batch's BEGIN will fail and say so; nothing more can be done here.
            _logger.LogError(error, "A failed batch could not be rolled back");
        }
    }

    private void CommitBatch(List<SqliteWrite> batch, SqliteWriteContext context)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var errors = _errors;
        Array.Clear(errors, 0, batch.Count);
        try
        {
            context.Begin();
            for (var i = 0; i < batch.Count; i++)
            {
                context.Savepoint();
                try
                {
                    batch[i].Run(context);
                    context.Release();
                }
                catch (Exception error)
                {
                    context.UndoToSavepoint();
                    errors[i] = error;
                }
            }
            context.Commit();
            _metrics?.Committed(startedAt);
            Commits++;
            Writes += batch.Count;
        }
        catch (Exception error)
        {
            _logger.LogError(error, "A batch of {Count} writes failed to commit", batch.Count);
            Array.Fill(errors, error, 0, batch.Count);
            RollBack(context);
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
