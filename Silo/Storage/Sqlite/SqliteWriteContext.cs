using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// What a write sees inside a batch: prepared commands and statements, reused across batches, in the batch's
/// transaction. The transaction and each write's savepoint are begun and ended through SQLite's API
/// (<see cref="SqliteBoundStatement"/>), so ADO.NET's connection knows of no transaction and the commands need none set.
/// </summary>
public sealed class SqliteWriteContext(SqliteConnection connection) : IDisposable
{
    // The highest feed position stored or ever handed out: the event table's newest row, or the head a deletion raised.
    private const string LastEventPositionSql =
        "SELECT max((SELECT position FROM event_log_head), COALESCE((SELECT max(position) FROM conversation_events), 0))";

    private readonly SqliteCommandCache _commands = new(connection);
    private readonly Dictionary<string, SqliteBoundStatement> _bound = new(StringComparer.Ordinal);
    private readonly SqliteBoundStatement _begin = new(connection, "BEGIN IMMEDIATE");
    private readonly SqliteBoundStatement _commit = new(connection, "COMMIT");
    private readonly SqliteBoundStatement _rollback = new(connection, "ROLLBACK");
    private readonly SqliteBoundStatement _savepoint = new(connection, "SAVEPOINT write");
    private readonly SqliteBoundStatement _release = new(connection, "RELEASE write");
    private readonly SqliteBoundStatement _rollbackToSavepoint = new(connection, "ROLLBACK TO write");
    private long _lastEventPosition = -1;

    /// <summary>The first feed position the current batch handed out; 0 when it handed out none.</summary>
    internal long BatchFirstPosition { get; private set; }

    /// <summary>The last feed position the current batch handed out; 0 when it handed out none.</summary>
    internal long BatchLastPosition { get; private set; }

    /// <summary>The cached command for <paramref name="sql"/> with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _commands.Get(sql);
        command.Parameters.Clear();
        return command;
    }

    /// <summary>The statement for <paramref name="sql"/>, prepared on first use, bound by position through SQLite's API.</summary>
    public SqliteBoundStatement Bound(string sql)
    {
        if (!_bound.TryGetValue(sql, out var statement))
        {
            statement = new SqliteBoundStatement(connection, sql);
            _bound[sql] = statement;
        }
        return statement;
    }

    /// <summary>
    /// The next position in the event log's feed. This writer is the file's only one, so after the first it counts in
    /// memory instead of updating a counter row for every event. A position taken by a write that is then undone is not
    /// handed out again: the feed may skip a number, never repeat one. Whatever deletes events raises
    /// <c>event_log_head</c> to the newest position first, so a restarted writer does not reuse a deleted one.
    /// </summary>
    public long NextEventPosition()
    {
        if (_lastEventPosition < 0)
        {
            _lastEventPosition = Bound(LastEventPositionSql).RunScalar() ?? 0;
        }
        BatchLastPosition = ++_lastEventPosition;
        if (BatchFirstPosition == 0)
        {
            BatchFirstPosition = BatchLastPosition;
        }
        return BatchLastPosition;
    }

    internal void Execute(string sql) => Command(sql).ExecuteNonQuery();

    internal void Begin()
    {
        BatchFirstPosition = BatchLastPosition = 0;
        _begin.Run();
    }

    internal void Commit() => _commit.Run();

    /// <summary>Rolls back the batch's transaction if SQLite has not already (it does after some errors).</summary>
    internal void RollbackIfOpen()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            _rollback.Run();
        }
    }

    internal void Savepoint() => _savepoint.Run();

    internal void Release() => _release.Run();

    /// <summary>Undoes one write inside the batch and ends its savepoint.</summary>
    internal void UndoToSavepoint()
    {
        _rollbackToSavepoint.Run();
        _release.Run();
    }

    public void Dispose()
    {
        _commands.Dispose();
        foreach (var statement in _bound.Values)
        {
            statement.Dispose();
        }
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackToSavepoint.Dispose();
    }
}
