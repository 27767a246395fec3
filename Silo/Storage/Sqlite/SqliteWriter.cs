using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// The one writer of the SQLite file, with group commit: writes queued by many grains while the previous batch was
/// being written go into the next transaction together. Each write runs inside its own savepoint, so one failed write
/// fails alone. The log is copied back into the database file beside the commits (<see cref="SqliteCheckpointer"/>),
/// not inside one.
/// <para>
/// The disk's sync runs beside the next batch, not inside the commit: the connection commits without syncing
/// (<c>synchronous = NORMAL</c>: in WAL mode the log is still synced before every checkpoint), and a second loop
/// (<see cref="SqliteLogSyncer"/>) syncs the log and only then tells the batch's callers their writes are stored; one
/// sync serves every commit made while the one before it ran. A write is acknowledged after exactly what it was before
/// — its commit on the disk — but the writer no longer idles through each sync: under load it writes the next batch
/// meanwhile (in the throughput benchmark a commit took 0.77 ms with its sync and 0.17 ms without). After a power cut
/// the log ends at the last synced commit (SQLite's WAL recovery drops a torn tail by its checksums); what a reader saw
/// of a later commit before then is what <see cref="FeedLimit"/> keeps from the feed's followers.
/// </para>
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
    private readonly SqliteLogSyncer _syncer;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly GroupCommitMetrics? _metrics;
    private int _commitsSinceCheckpoint;
    // Only a failed write needs a slot of its own; the successful ones keep their results themselves.
    private readonly Exception?[] _errors = new Exception?[MaxBatch];

    /// <summary><paramref name="meters"/> given, the commits are measured as the store <c>sqlite</c> (<see cref="GroupCommitMetrics"/>).</summary>
    /// <param name="logSync">What makes the log durable: by default the database's own <c>-wal</c> file (<see cref="WriteAheadLogFile"/>).</param>
    public SqliteWriter(SqliteDatabase database, ILogger<SqliteWriter> logger, IMeterFactory? meters = null, IWriteAheadLogSync? logSync = null)
    {
        _connection = database.OpenUnsynced();
        EnsureWriteAheadLog(_connection);
        using (var noAutoCheckpoint = _connection.CreateCommand())
        {
            noAutoCheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 0";
            noAutoCheckpoint.ExecuteNonQuery();
        }
        _logger = logger;
        _checkpointer = new SqliteCheckpointer(database, logger);
        _syncer = new SqliteLogSyncer(logSync ?? new WriteAheadLogFile(database.FilePath), startedAt => _metrics?.Committed(startedAt), logger);
        _metrics = GroupCommitMetrics.Create(meters, "sqlite", () => Commits, () => Writes, () => Restarts, () => Syncs);
        _context = new SqliteWriteContext(_connection);
        _loop = new BatchLoop<SqliteWrite>(nameof(SqliteWriter), MaxBatch, WriteBatch, (write, error) => write.Fail(error));
    }

    /// <summary>Commits so far and the writes they carried: the batching figure the benchmarks report.</summary>
    public long Commits { get; private set; }
    public long Writes { get; private set; }

    /// <summary>Syncs of the log so far: fewer than the commits when one sync covered several.</summary>
    public long Syncs => _syncer.Syncs;

    /// <summary>The feed positions a follower may read up to (<see cref="SqliteEventLog"/>).</summary>
    public SqliteFeedLimit FeedLimit => _syncer.FeedLimit;

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
        // The writes already queued are committed, then their commits synced, before anything closes.
        await _loop.DisposeAsync();
        await _syncer.DisposeAsync();
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
        var committing = false;
        var committed = false;
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
            if (context.BatchFirstPosition > 0)
            {
                committing = true;
                FeedLimit.Committing(context.BatchFirstPosition);
            }
            context.Commit();
            committed = true;
            Commits++;
            Writes += batch.Count;
        }
        catch (Exception error)
        {
            if (committing)
            {
                FeedLimit.NotCommitted();
            }
            _logger.LogError(error, "A batch of {Count} writes failed to commit", batch.Count);
            Array.Fill(errors, error, 0, batch.Count);
            RollBack(context);
        }
        // A write undone inside the batch is told at once (nothing of it is in the log); the rest wait for the sync.
        var stored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Fail(error);
            }
            else
            {
                stored++;
            }
        }
        if (!committed)
        {
            return;
        }
        var writes = new SqliteWrite[stored];
        for (int i = 0, next = 0; i < batch.Count; i++)
        {
            if (errors[i] is null)
            {
                writes[next++] = batch[i];
            }
        }
        _syncer.Enqueue(new SqliteCommit(writes, startedAt, committing ? context.BatchLastPosition : 0));
    }

    /// <summary>Commits that do not sync are only safe in WAL mode, which the schema sets and a file keeps.</summary>
    private static void EnsureWriteAheadLog(SqliteConnection connection)
    {
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        if (mode.ExecuteScalar() is not string journal || !journal.Equals("wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The writer needs the database in WAL mode; it is in '{mode.ExecuteScalar()}'.");
        }
    }
}
