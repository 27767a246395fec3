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
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteReadConnection(SqliteConnection connection, SqliteReadConnections pool)
    {
        _connection = connection;
        _pool = pool;
    }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared once on this connection, its parameters made on first use and
    /// kept: the caller sets every one's <c>Value</c> before each run and disposes the reader before returning.
    /// </summary>
    public SqliteCommand Command(string sql, ReadOnlySpan<string> parameterNames)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            _commands[sql] = command;
        }
        return command;
    }

    public void Dispose() => _pool.Return(this);

    internal void Close()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
