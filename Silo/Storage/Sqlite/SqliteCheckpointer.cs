using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file beside the commits, not inside one. SQLite's own
/// auto-checkpoint runs in the commit that takes the log past 1,000 pages: that batch, and every write queued behind it,
/// waits for the copy and a sync of the database file (about every half second at 1,000 messages a second). The writer
/// turns it off and calls <see cref="Due"/> every <see cref="CommitsPerCheckpoint"/> commits; a PASSIVE checkpoint on
/// this connection never blocks the writer, which keeps committing to the log meanwhile.
/// <para>
/// The log only starts again from its beginning when a commit begins with all of it copied and no reader on it. Beside
/// a writer that never pauses and readers that never stop (grains activating, the reports' feed) that moment never
/// came: the log grew for ever, and a sync that also moves the file's end costs about twice one that overwrites (0.33
/// against 0.17 ms at the median on the benchmark machine). So after the passes here (each copying what the writer
/// added during the one before) the writer checkpoints once itself between two batches, in RESTART mode
/// (<see cref="TopUpDue"/>): it copies the few pages left and waits a moment for the readers on the old log, and its
/// next commit writes the log over the pages already on the disk.
/// </para>
/// </summary>
public sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>About 1,000 pages of log at a few pages per commit: what SQLite's auto-checkpoint would have allowed.</summary>
    public const int CommitsPerCheckpoint = 250;

    /// <summary>
    /// At most this many pages left by the passes beside the writer are copied by the writer itself between two
    /// batches: a few hundred kilobytes and one sync of the database file.
    /// </summary>
    public const int TopUpPages = 64;

    /// <summary>Passes beside the writer, each copying what the writer added during the one before, before giving up till the next.</summary>
    public const int MaxPasses = 4;

    /// <summary>
    /// A log this long was not caught up by checkpoints beside a writer that never paused (a reader holding an old
    /// snapshot stops them short): the writer then checkpoints once itself, however much is left.
    /// </summary>
    public const int MaxLogPages = 20_000;

    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private volatile bool _topUpDue;

    public SqliteCheckpointer(SqliteDatabase database, ILogger logger)
    {
        _database = database;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Checkpoints asked for and run so far, however many passes each took (for tests and the benchmarks).</summary>
    public long Checkpoints { get; private set; }

    /// <summary>
    /// True when the writer should checkpoint once itself between two batches so the log starts again: the passes
    /// beside it left at most <see cref="TopUpPages"/> pages, or the log passed <see cref="MaxLogPages"/> (then however
    /// much is left). Cleared by the writer.
    /// </summary>
    public bool TopUpDue
    {
        get => _topUpDue;
        set => _topUpDue = value;
    }

    /// <summary>Asks for a checkpoint; one asked while another runs is run after it, and asks in between count once.</summary>
    public void Due() => _due.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        _due.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        await foreach (var _ in _due.Reader.ReadAllAsync())
        {
            try
            {
                await using var connection = _database.Open();
                var (logPages, copied) = (0L, 0L);
                for (var pass = 0; pass < MaxPasses; pass++)
                {
                    var before = copied;
                    (logPages, copied) = await CheckpointAsync(connection);
                    if (logPages - copied <= TopUpPages || copied == before)
                    {
                        break;
                    }
                }
                Checkpoints++;
                TopUpDue = logPages - copied <= TopUpPages || logPages > MaxLogPages;
            }
            catch (Exception error)
            {
                // The log only grows meanwhile; the next one tries again, and the writer's own as a last resort.
                _logger.LogWarning(error, "A background checkpoint of {File} failed", _database.FilePath);
            }
        }
    }

    /// <summary>One PASSIVE checkpoint: the pages in the log, and how many of them are now in the database file.</summary>
    private static async Task<(long LogPages, long Copied)> CheckpointAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var result = await command.ExecuteReaderAsync();
        // One row: busy (0 for PASSIVE), pages in the log, pages of it copied into the database file.
        return await result.ReadAsync() ? (result.GetInt64(1), result.GetInt64(2)) : (0, 0);
    }
}
