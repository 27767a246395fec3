using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// A statement with positional parameters (<c>?1</c>, <c>?2</c>, …), prepared once on the writer's connection, bound
/// and stepped through SQLite's own API. ADO.NET encodes every bound string into a new UTF-8 array and makes a binder per
/// value and a data reader per run; the event log's append runs one of these for every chat message, so it binds
/// strings as the UTF-16 they already are (SQLite copies and converts them) and dates formatted on the stack. The
/// writer's transaction control (<c>BEGIN</c>, <c>COMMIT</c>, a savepoint per write) runs the same way, with no
/// parameters: through ADO.NET each of those made a data reader, and each transaction two finalizable commands.
/// </summary>
public sealed class SqliteBoundStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteBoundStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, string? text) =>
        Check(text is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, text.AsSpan()));

    /// <summary>Binds text already in UTF-8, the database's own encoding (SQLite copies it).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> text) => Check(raw.sqlite3_bind_text(_statement, index, text));

    public void Bind(int index, byte[]? blob) =>
        Check(blob is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_blob(_statement, index, blob));

    /// <summary>Binds <paramref name="at"/> as round-trip UTC text ("O"), which sorts as time: how the files store instants.</summary>
    public void BindUtc(int index, DateTimeOffset at)
    {
        Span<char> text = stackalloc char[40];
        if (!at.UtcDateTime.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new FormatException($"{at} did not format");
        }
        Check(raw.sqlite3_bind_text16(_statement, index, text[..written]));
    }

    /// <summary>
    /// Runs a statement that returns no rows; returns the rows it inserted, updated or deleted. Its bindings are cleared
    /// afterwards, whether it succeeded or not.
    /// </summary>
    public int Run()
    {
        var result = raw.sqlite3_step(_statement);
        Reset();
        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
        return raw.sqlite3_changes(_db);
    }

    /// <summary>
    /// Runs a query, or a write with <c>RETURNING</c>, for one integer: the first row's first column, or null for no row
    /// or a null value. The statement is stepped to its end before it is reset, so a write's every row is done.
    /// </summary>
    public long? RunScalar()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            long? value = null;
            if (result == raw.SQLITE_ROW)
            {
                value = raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, 0);
                while (result == raw.SQLITE_ROW)
                {
                    result = raw.sqlite3_step(_statement);
                }
            }
            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }
            return value;
        }
        finally
        {
            Reset();
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }
}
