using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>A kept connection's commands by their SQL, each made and prepared on first use and reused after.</summary>
public sealed class SqliteCommandCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, with whatever parameters its last run left.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        return command;
    }

    /// <summary>
    /// The command for <paramref name="sql"/> with its parameters made on first use and kept: the caller sets every
    /// one's <c>Value</c> on each run, instead of making a parameter object per value.
    /// </summary>
    public SqliteCommand WithParameters(string sql, ReadOnlySpan<string> parameterNames)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            return command;
        }
        command = Get(sql);
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
