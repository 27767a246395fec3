using System.Data.Common;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>Reading and writing the read model's rows: chats, bucket sums, and the commands they use.</summary>
public sealed partial class SqlReportStore
{
    private static ChatFacts ReadChat(DbDataReader reader)
    {
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(i));
        return new ChatFacts
        {
            Conversation = reader.GetString(0), Site = reader.GetString(1), StartedAt = Time(2), Queue = reader.GetString(3),
            Channel = reader.GetString(4), VisitorId = reader.GetString(5), Invited = reader.GetInt32(6) != 0, AssignedAt = Time(7),
            Operator = reader.GetString(8), AnsweredAt = Time(9), ClosedAt = Time(10),
            Tags = reader.GetString(11).Split(TagSeparator, StringSplitOptions.RemoveEmptyEntries),
            Score = reader.IsDBNull(12) ? null : reader.GetInt32(12), Converted = reader.GetInt32(13) != 0, CustomerId = reader.GetString(14),
        };
    }

    private static async Task WriteChatsAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ChatFacts> chats, CancellationToken cancellationToken)
    {
        await using var write = new ReusedCommand(connection, transaction, ReportSql.WriteChat,
            ["conversation", "site", "started_ms", "queue", "channel", "visitor", "invited", "assigned_ms", "operator", "answered_ms",
             "closed_ms", "tags", "score", "converted", "customer"]);
        foreach (var chat in chats)
        {
            await write.RunAsync(
                [chat.Conversation, chat.Site, chat.StartedAt?.ToUnixTimeMilliseconds(), chat.Queue, chat.Channel, chat.VisitorId, chat.Invited ? 1 : 0,
                 chat.AssignedAt?.ToUnixTimeMilliseconds(), chat.Operator, chat.AnsweredAt?.ToUnixTimeMilliseconds(),
                 chat.ClosedAt?.ToUnixTimeMilliseconds(), string.Join(TagSeparator, chat.Tags), chat.Score, chat.Converted ? 1 : 0, chat.CustomerId],
                cancellationToken);
        }
    }

    /// <summary>Bucket rows per statement: a few hundred keeps the statement small and its parameters (5 a row) well under the limits.</summary>
    private const int RowsPerStatement = 200;

    /// <summary>Adds the sums to their hourly rows and, for sites in <paramref name="dayZones"/>, to their day rows in that zone.</summary>
    private static async Task WriteBucketsAsync(DbConnection connection, DbTransaction transaction, Dictionary<BucketKey, BucketSums> buckets,
        IReadOnlyDictionary<string, TimeZoneInfo> dayZones, CancellationToken cancellationToken)
    {
        await WriteRowsAsync(connection, transaction, "report_buckets", buckets, cancellationToken);
        await WriteRowsAsync(connection, transaction, "report_days", ByDay(buckets, dayZones), cancellationToken);
    }

    private static async Task WriteRowsAsync(
        DbConnection connection, DbTransaction transaction, string table, Dictionary<BucketKey, BucketSums> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var parameters = new List<(string Name, object? Value)>(chunk.Length * 5);
            var tuples = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (key, sums) = chunk[i];
                parameters.AddRange([($"s{i}", key.Site), ($"q{i}", key.Queue), ($"o{i}", key.Operator), ($"c{i}", key.Channel), ($"t{i}", key.Tag)]);
                var figures = Counts(sums).Concat(sums.FirstResponseBins).Concat(sums.WaitBins).Concat(sums.AbandonBins)
                    .Select(figure => figure.ToString(System.Globalization.CultureInfo.InvariantCulture));
                tuples.Add($"(@s{i}, {key.Hour.ToString(System.Globalization.CultureInfo.InvariantCulture)}, @q{i}, @o{i}, @c{i}, @t{i}, {string.Join(", ", figures)})");
            }
            await ExecuteAsync(connection, transaction, ReportSql.AddRows(table, tuples), cancellationToken, [.. parameters]);
        }
    }

    private static long[] Counts(BucketSums sums) =>
    [
        sums.Offered, sums.Answered, sums.Missed, sums.Invited, sums.FirstResponseMs, sums.Waited, sums.WaitMs, sums.Handled, sums.HandleMs,
        sums.Rated, sums.RatingSum, sums.Satisfied, sums.Dissatisfied, sums.Converted,
    ];

    private static BucketSums ReadSums(DbDataReader reader, int first)
    {
        var values = Enumerable.Range(first, ReportSql.Counts.Length + ReportSql.Bins.Length).Select(reader.GetInt64).ToArray();
        var sums = new BucketSums
        {
            Offered = values[0], Answered = values[1], Missed = values[2], Invited = values[3], FirstResponseMs = values[4], Waited = values[5],
            WaitMs = values[6], Handled = values[7], HandleMs = values[8], Rated = values[9], RatingSum = values[10], Satisfied = values[11],
            Dissatisfied = values[12], Converted = values[13],
        };
        var bins = ReportSql.Counts.Length;
        for (var i = 0; i < DurationBins.Count; i++)
        {
            sums.FirstResponseBins[i] = values[bins + i];
            sums.WaitBins[i] = values[bins + DurationBins.Count + i];
            sums.AbandonBins[i] = values[bins + 2 * DurationBins.Count + i];
        }
        return sums;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
