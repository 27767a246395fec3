using System.Data.Common;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>
/// One statement run for many rows of a transaction: the command and its parameters are made once and only the values
/// change, so SQLite compiles the statement once per batch (not once per row) and nothing is allocated per run.
/// </summary>
public sealed class ReusedCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public ReusedCommand(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> names)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _command.Transaction = transaction;
        _parameters = new DbParameter[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            _parameters[i] = _command.CreateParameter();
            // Named as the statement writes it: Microsoft.Data.Sqlite, given a bare name, tries each prefix in turn on every
            // run, making a string and its UTF-8 copy for each try. Npgsql takes the name either way.
            _parameters[i].ParameterName = "@" + names[i];
            _command.Parameters.Add(_parameters[i]);
        }
    }

    /// <summary>Runs the statement with <paramref name="values"/> in the order of the names it was made with.</summary>
    public Task<int> RunAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
