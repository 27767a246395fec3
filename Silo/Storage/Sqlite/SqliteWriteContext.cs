using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>What a write sees inside a batch: prepared commands, reused across batches, in the batch's transaction.</summary>
public sealed class SqliteWriteContext(SqliteConnection connection)
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteTransaction? Transaction { get; set; }

    /// <summary>The cached command for <paramref name="sql"/> with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// The cached command for <paramref name="sql"/> with its parameters made on first use and kept: the caller sets
    /// every one's <c>Value</c> on each run. For the hottest writes (an append per chat message), which would otherwise
    /// make a parameter object per column per row.
    /// </summary>
    public SqliteCommand Command(string sql, ReadOnlySpan<string> parameterNames)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        return command;
    }

    internal void Execute(string sql) => Command(sql).ExecuteNonQuery();
}
