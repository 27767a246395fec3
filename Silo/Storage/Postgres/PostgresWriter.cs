using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Postgres;

/// <summary>
/// Group commit for the event log, like the standalone <c>SqliteWriter</c>: appends from many conversations
/// that arrive while a commit is in flight go into the next transaction together, sent as one batch in one
/// round trip, so one WAL flush acknowledges them all. An append that breaks a constraint (a second writer
/// of the same seq) fails alone: it is taken out and the rest of the batch commits without it.
/// </summary>
public sealed class PostgresWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private const string UniqueViolation = "23505";

    private readonly PostgresDatabase _database;
    private readonly ILogger<PostgresWriter> _logger;
    private readonly BatchLoop<PendingAppend> _loop;
    private readonly GroupCommitMetrics? _metrics;
    private long _commits;
    private long _appends;

    /// <summary><paramref name="meters"/> given, the commits are measured as the store <c>postgres</c> (<see cref="GroupCommitMetrics"/>).</summary>
    public PostgresWriter(PostgresDatabase database, ILogger<PostgresWriter> logger, IMeterFactory? meters = null)
    {
        _database = database;
        _logger = logger;
        _metrics = GroupCommitMetrics.Create(meters, "postgres", () => Commits, () => Appends);
        _loop = new BatchLoop<PendingAppend>(nameof(PostgresWriter), MaxBatch, CommitAsync, (append, error) => append.Completion.TrySetException(error));
    }

    /// <summary>Commits so far and the appends they carried: the batching figure the benchmarks report.</summary>
    public long Commits => Interlocked.Read(ref _commits);
    public long Appends => Interlocked.Read(ref _appends);

    /// <summary>
    /// Completes once the events are committed, as <paramref name="stored"/> (sealed, one for each event); throws
    /// <see cref="EventLogConflictException"/> when a seq exists.
    /// </summary>
    public Task AppendAsync(string conversationKey, string site, IReadOnlyList<ConversationEvent> events, StoredEvent[] stored)
    {
        var pending = new PendingAppend(conversationKey, site, events, stored);
        _loop.Enqueue(pending);
        return pending.Completion.Task;
    }

    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var pending = new List<PendingAppend>(batch);
        while (pending.Count > 0)
        {
            int failedIndex;
            PostgresException? failure;
            try
            {
                (failedIndex, failure) = await TryCommitAsync(pending);
            }
            catch (Exception error)
            {
                // The database is unreachable or the commit's outcome is unknown: every caller hears of it, and
                // the conversation grains re-read their logs before they write again.
                _logger.LogError(error, "A batch of {Count} event log appends failed to commit", pending.Count);
                pending.ForEach(append => append.Completion.TrySetException(error));
                return;
            }
            if (failure is null)
            {
                _metrics?.Committed(startedAt);
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _appends, pending.Count);
                pending.ForEach(append => append.Completion.TrySetResult());
                return;
            }
            var failed = pending[failedIndex];
            pending.RemoveAt(failedIndex);
            failed.Completion.TrySetException(failure.SqlState == UniqueViolation
                ? new EventLogConflictException(failed.ConversationKey, failed.Events[0].Seq)
                : failure);
        }
    }

    /// <summary>Commits every append, or names the one append whose own data the database refused (and commits nothing).</summary>
    private async Task<(int FailedIndex, PostgresException? Failure)> TryCommitAsync(List<PendingAppend> pending)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var append in pending)
        {
            batch.BatchCommands.Add(Command(append));
        }
        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException error) when (IsDataFault(error.SqlState))
        {
            return (FailedCommand(batch, error), error);
        }
        await transaction.CommitAsync();
        return (-1, null);
    }

    /// <summary>
    /// The command the error came from. Npgsql names it only in some modes; otherwise it is the first command
    /// that did not complete (those after it were skipped by the aborted transaction).
    /// </summary>
    private static int FailedCommand(NpgsqlBatch batch, PostgresException error)
    {
        if (error.BatchCommand is { } named)
        {
            return batch.BatchCommands.IndexOf(named);
        }
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected < 0)
            {
                return i;
            }
        }
        throw new InvalidOperationException("A batch failed on its data, but every command completed.", error);
    }

    /// <summary>Class 23 (integrity) and 22 (data): the append itself is at fault, not the connection or the server.</summary>
    private static bool IsDataFault(string sqlState) => sqlState.StartsWith("23", StringComparison.Ordinal) || sqlState.StartsWith("22", StringComparison.Ordinal);

    private static NpgsqlBatchCommand Command(PendingAppend append)
    {
        var count = append.Events.Count;
        var seqs = new long[count];
        var types = new string[count];
        var clientIds = new string?[count];
        var times = new DateTime[count];
        var payloads = new string[count];
        var sealedFields = new byte[]?[count];
        for (var i = 0; i < count; i++)
        {
            var evt = append.Events[i];
            seqs[i] = evt.Seq;
            types[i] = evt.Type;
            clientIds[i] = evt.ClientId;
            times[i] = evt.At.UtcDateTime;
            payloads[i] = append.Stored[i].PayloadText();
            sealedFields[i] = append.Stored[i].Sealed;
        }
        var command = new NpgsqlBatchCommand(EventLogSql.Append);
        command.Parameters.Add(new NpgsqlParameter { Value = append.ConversationKey });
        command.Parameters.Add(new NpgsqlParameter { Value = append.Site });
        command.Parameters.Add(new NpgsqlParameter { Value = seqs });
        command.Parameters.Add(new NpgsqlParameter { Value = types });
        command.Parameters.Add(new NpgsqlParameter { Value = clientIds });
        command.Parameters.Add(new NpgsqlParameter { Value = times });
        command.Parameters.Add(new NpgsqlParameter { Value = payloads });
        command.Parameters.Add(new NpgsqlParameter { Value = sealedFields });
        return command;
    }
}
