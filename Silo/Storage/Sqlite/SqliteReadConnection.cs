using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// One rented read connection and its prepared commands, returned to <see cref="SqliteReadConnections"/> on dispose.
/// Between reads it holds no transaction (a statement is reset when its reader is disposed), so checkpoints are not held up.
/// </summary>
public sealed class SqliteReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteReadConnections _pool;
    private readonly SqliteCommandCache _commands;

    internal SqliteReadConnection(SqliteConnection connection, SqliteReadConnections pool)
    {
        _connection = connection;
        _pool = pool;
        _commands = new SqliteCommandCache(connection);
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared once on this connection, its parameters made on first use and
    /// kept: the caller sets every one's <c>Value</c> before each run and disposes the reader before returning.
    /// </summary>
    public SqliteCommand Command(string sql, ReadOnlySpan<string> parameterNames) => _commands.WithParameters(sql, parameterNames);

    public void Dispose() => _pool.Return(this);

    internal void Close()
    {
        _commands.Dispose();
        _connection.Dispose();
    }
}
