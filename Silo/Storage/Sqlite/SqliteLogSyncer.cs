using Microsoft.Extensions.Logging;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// The second half of <see cref="SqliteWriter"/>'s group commit: makes its commits durable beside the next batch. Each
/// sync of the log (<see cref="IWriteAheadLogSync"/>) covers every commit handed over while the one before it ran; only
/// then are those commits' writes told they are stored, and the feed's followers let read up to them
/// (<see cref="FeedLimit"/>). A failed sync fails every write it covered.
/// </summary>
internal sealed class SqliteLogSyncer : IAsyncDisposable
{
    /// <summary>Commits a sync covers at most, one after another (far more than a sync's time ever gathers).</summary>
    public const int MaxCommitsPerSync = 1024;

    private readonly IWriteAheadLogSync _logSync;
    private readonly Action<long> _measure;
    private readonly ILogger _logger;
    private readonly BatchLoop<SqliteCommit> _loop;

    /// <param name="measure">Told each durable commit's start (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
    public SqliteLogSyncer(IWriteAheadLogSync logSync, Action<long> measure, ILogger logger)
    {
        _logSync = logSync;
        _measure = measure;
        _logger = logger;
        _loop = new BatchLoop<SqliteCommit>(nameof(SqliteWriter) + " syncs", MaxCommitsPerSync, SyncCommitted, FailCommit);
    }

    /// <summary>Syncs of the log so far: fewer than the commits when one sync covered several.</summary>
    public long Syncs { get; private set; }

    /// <summary>The feed positions a follower may read up to.</summary>
    public SqliteFeedLimit FeedLimit { get; } = new();

    /// <summary>A commit made (its rows in the log, not yet on the disk): its writes are told after the next sync.</summary>
    public void Enqueue(SqliteCommit commit) => _loop.Enqueue(commit);

    /// <summary>Syncs what was handed over, then closes the log's handle.</summary>
    public async ValueTask DisposeAsync()
    {
        await _loop.DisposeAsync();
        (_logSync as IDisposable)?.Dispose();
    }

    /// <summary>
    /// Syncs the log once for every commit made since the last sync, then tells their writes. A failed sync fails them
    /// all: their outcome is unknown (the rows are in the log, but perhaps not on the disk), as after a failed commit.
    /// </summary>
    private Task SyncCommitted(List<SqliteCommit> commits)
    {
        Exception? failure = null;
        try
        {
            _logSync.Sync();
            Syncs++;
        }
        catch (Exception error)
        {
            failure = error;
            _logger.LogError(error, "The log could not be synced to the disk; the writes of {Count} commits fail", commits.Count);
        }
        // The feed moves on either way: the rows are in the log, and the callers told of a failure read them back from it.
        MoveFeedLimit(commits);
        foreach (var commit in commits)
        {
            if (failure is not null)
            {
                FailCommit(commit, failure);
                continue;
            }
            _measure(commit.StartedAt);
            foreach (var write in commit.Writes)
            {
                write.Succeed();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Fails every write of <paramref name="commit"/>: its sync failed, or the loop's batch broke before it.</summary>
    private static void FailCommit(SqliteCommit commit, Exception error)
    {
        foreach (var write in commit.Writes)
        {
            write.Fail(error);
        }
    }

    private void MoveFeedLimit(List<SqliteCommit> commits)
    {
        var withPositions = 0;
        var lastPosition = 0L;
        foreach (var commit in commits)
        {
            if (commit.LastPosition > 0)
            {
                withPositions++;
                lastPosition = commit.LastPosition;
            }
        }
        if (withPositions > 0)
        {
            FeedLimit.Durable(withPositions, lastPosition);
        }
    }
}
