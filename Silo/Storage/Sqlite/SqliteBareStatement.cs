using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// A statement with no parameters and no rows (<c>BEGIN</c>, <c>SAVEPOINT</c>, <c>COMMIT</c>), prepared once on the
/// writer's connection and stepped through SQLite's own API. Through ADO.NET each run made a data reader and its
/// statement enumerators, and each transaction two new commands (finalizable) for its <c>BEGIN</c> and <c>COMMIT</c>:
/// the writer runs two of these per write and two per batch, on every chat message's path.
/// </summary>
public sealed class SqliteBareStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteBareStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    public void Run()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
