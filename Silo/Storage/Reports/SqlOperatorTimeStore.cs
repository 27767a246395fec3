using System.Data.Common;
using Switchboard.Contracts.Operators;
using Switchboard.Grains.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>The operators' status changes in the read model's database (<see cref="OperatorTimeSql"/>).</summary>
public sealed class SqlOperatorTimeStore(IReportDatabase database) : IOperatorTimeStore
{
    public async Task AppendAsync(string site, string login, IReadOnlyList<OperatorStatusChange> changes, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        foreach (var change in changes)
        {
            await using var command = Command(connection, OperatorTimeSql.Insert,
                ("site", site), ("operator", login), ("seq", change.Seq), ("at", change.At.ToUnixTimeMilliseconds()),
                ("status", change.Status), ("chats", change.Chats), ("full", change.Full ? 1 : 0));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<OperatorStatusChange>>> ReadAsync(
        string site, DateTimeOffset from, DateTimeOffset to, string? login, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, OperatorTimeSql.Read,
            ("site", site), ("operator", login), ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new Dictionary<string, List<OperatorStatusChange>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var change = new OperatorStatusChange(reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5) != 0);
            if (!changes.TryGetValue(reader.GetString(0), out var list))
            {
                changes[reader.GetString(0)] = list = [];
            }
            list.Add(change);
        }
        return changes.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<OperatorStatusChange>)pair.Value, StringComparer.Ordinal);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null)
            {
                // PostgreSQL cannot tell the type of a bare null (@operator IS NULL) by itself.
                parameter.DbType = System.Data.DbType.String;
            }
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
