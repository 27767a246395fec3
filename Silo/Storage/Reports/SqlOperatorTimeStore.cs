using System.Data.Common;
using Switchboard.Contracts.Operators;
using Switchboard.Grains.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>
/// The operators' status changes in the read model's database (<see cref="OperatorTimeSql"/>). Every operator's
/// appends go through one loop that gathers them for <see cref="GatherWindow"/> and writes them in one transaction: a
/// busy site sends a change for most chats it starts and closes, and a transaction (and a connection) each cost more
/// than the row, while operators waiting each for the write lock of SQLite, which the report projector holds for a
/// batch, each held a thread asleep in SQLite's busy handler. The report reads the changes when asked, so a tenth of
/// a second more before they are in costs nothing; the operator's outbox keeps them meanwhile.
/// </summary>
public sealed class SqlOperatorTimeStore : IOperatorTimeStore, IAsyncDisposable
{
    /// <summary>The most operators' appends one transaction carries.</summary>
    public const int MaxBatch = 256;

    /// <summary>How long the loop gathers appends after the first before it writes them (<see cref="BatchLoop{T}"/>).</summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(100);

    private readonly IReportDatabase _database;
    private readonly BatchLoop<OperatorTimeAppend> _loop;

    public SqlOperatorTimeStore(IReportDatabase database)
    {
        _database = database;
        _loop = new BatchLoop<OperatorTimeAppend>(nameof(SqlOperatorTimeStore), MaxBatch, WriteBatchAsync, (append, error) => append.Stored.TrySetException(error), GatherWindow);
    }

    /// <summary>Transactions written so far (each carries every append that queued during its window, up to <see cref="MaxBatch"/>).</summary>
    public long Transactions { get; private set; }

    public Task AppendAsync(string site, string login, IReadOnlyList<OperatorStatusChange> changes, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var append = new OperatorTimeAppend(site, login, changes);
        _loop.Enqueue(append);
        return append.Stored.Task;
    }

    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    private async Task WriteBatchAsync(List<OperatorTimeAppend> batch)
    {
        try
        {
            await WriteAsync(batch);
            Transactions++;
            batch.ForEach(append => append.Stored.TrySetResult());
        }
        catch (Exception error)
        {
            // Every change is kept in its operator's outbox until stored, so each is sent again; a stored one is skipped then.
            batch.ForEach(append => append.Stored.TrySetException(error));
        }
    }

    private async Task WriteAsync(List<OperatorTimeAppend> batch)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await _database.BeginWriteAsync(connection, CancellationToken.None);
        await using var insert = Command(connection, OperatorTimeSql.Insert,
            ("site", ""), ("operator", ""), ("seq", 0L), ("at", 0L), ("status", ""), ("chats", 0), ("full", 0));
        insert.Transaction = transaction;
        foreach (var append in batch)
        {
            foreach (var change in append.Changes)
            {
                insert.Parameters["site"].Value = append.Site;
                insert.Parameters["operator"].Value = append.Login;
                insert.Parameters["seq"].Value = change.Seq;
                insert.Parameters["at"].Value = change.At.ToUnixTimeMilliseconds();
                insert.Parameters["status"].Value = change.Status;
                insert.Parameters["chats"].Value = change.Chats;
                insert.Parameters["full"].Value = change.Full ? 1 : 0;
                await insert.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<OperatorStatusChange>>> ReadAsync(
        string site, DateTimeOffset from, DateTimeOffset to, string? login, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
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
