using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file beside the commits, not inside one. SQLite's own
/// auto-checkpoint runs in the commit that takes the log past 1,000 pages: that batch, and every write queued behind it,
/// waits for the copy and a sync of the database file (about every half second at 1,000 messages a second). The writer
/// turns it off and calls <see cref="Due"/> every <see cref="CommitsPerCheckpoint"/> commits; a PASSIVE checkpoint on
/// this connection never blocks the writer, which keeps committing to the log meanwhile.
/// </summary>
public sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>About 1,000 pages of log at a few pages per commit: what SQLite's auto-checkpoint would have allowed.</summary>
    public const int CommitsPerCheckpoint = 250;

    /// <summary>
    /// A log this long was not caught up by checkpoints beside a writer that never paused: the writer then checkpoints
    /// once itself between two batches (<see cref="Behind"/>), so the log can start again from its beginning.
    /// </summary>
    public const int MaxLogPages = 20_000;

    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private volatile bool _behind;

    public SqliteCheckpointer(SqliteDatabase database, ILogger logger)
    {
        _database = database;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Checkpoints run so far (for tests and the benchmarks).</summary>
    public long Checkpoints { get; private set; }

    /// <summary>True when the last checkpoint left more than <see cref="MaxLogPages"/> pages in the log; cleared by the writer's own.</summary>
    public bool Behind
    {
        get => _behind;
        set => _behind = value;
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
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await using var result = await command.ExecuteReaderAsync();
                // One row: busy (0 for PASSIVE), pages in the log, pages of it now copied into the database file.
                if (await result.ReadAsync())
                {
                    var (logPages, copied) = (result.GetInt64(1), result.GetInt64(2));
                    Behind = logPages > MaxLogPages && copied < logPages;
                }
                Checkpoints++;
            }
            catch (Exception error)
            {
                // The log only grows meanwhile; the next one tries again, and the writer's own as a last resort.
                _logger.LogWarning(error, "A background checkpoint of {File} failed", _database.FilePath);
            }
        }
    }
}
