using System.Data.Common;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>The read model in SQL (<see cref="ReportSql"/>): folding batches of the log, orders, and report reads.</summary>
public sealed class SqlReportStore(IReportDatabase database, IOptions<ReportOptions> options) : IReportStore
{
    private const char TagSeparator = '\u001f';

    private long ConversionWindowMs => options.Value.ConversionHours * 3_600_000L;

    public Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken = default) => database.TryLeadAsync(cancellationToken);

    public async Task<EventLogPosition> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadCheckpointAsync(connection, null, cancellationToken);
    }

    public async Task<bool> ApplyAsync(EventLogPosition from, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.LockCheckpoint, cancellationToken);
        if (await ReadCheckpointAsync(connection, transaction, cancellationToken) != from)
        {
            return false;
        }
        var chats = new Dictionary<string, ChatFacts?>(StringComparer.Ordinal);
        var buckets = new Dictionary<BucketKey, BucketSums>();
        foreach (var logged in events)
        {
            if (!chats.TryGetValue(logged.ConversationKey, out var chat))
            {
                // A conversation's first event is new to the read model (the checkpoint is behind it): nothing to read.
                chat = logged.Event.Seq == 1 ? null : await ReadChatAsync(connection, transaction, logged.ConversationKey, cancellationToken);
                chats[logged.ConversationKey] = chat;
            }
            if (chat is null)
            {
                if (logged.Event.Type != Contracts.Conversations.EventTypes.Started)
                {
                    continue;
                }
                chat = new ChatFacts { Site = Contracts.GrainKeys.Parse(logged.ConversationKey).Site, Conversation = logged.ConversationKey };
                chats[logged.ConversationKey] = chat;
            }
            switch (chat.Apply(logged.Event))
            {
                case ChatChange.Closed:
                    chat.Converted = await HasOrderAsync(connection, transaction, chat, cancellationToken);
                    Add(buckets, ChatContribution.OfClosed(chat));
                    break;
                case ChatChange.RatedAfterClose:
                    Add(buckets, ChatContribution.OfRating(chat, chat.Score!.Value));
                    break;
            }
        }
        foreach (var chat in chats.Values.OfType<ChatFacts>())
        {
            await WriteChatAsync(connection, transaction, chat, cancellationToken);
        }
        await WriteBucketsAsync(connection, transaction, buckets, cancellationToken);
        var to = events[^1].Position;
        await ExecuteAsync(connection, transaction, ReportSql.MoveCheckpoint, cancellationToken, ("commit", to.Commit), ("index", to.Index));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RecordOrderAsync(string site, Order order, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.LockCheckpoint, cancellationToken);
        var at = order.At.ToUnixTimeMilliseconds();
        var inserted = await ExecuteAsync(connection, transaction, ReportSql.InsertOrder, cancellationToken,
            ("site", site), ("order", order.OrderId), ("visitor", order.VisitorId), ("customer", order.CustomerId), ("at", at),
            ("amount", order.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (inserted == 0)
        {
            return false;
        }
        var buckets = new Dictionary<BucketKey, BucketSums>();
        var converted = new List<ChatFacts>();
        await using (var command = Command(connection, transaction, ReportSql.ChatsBeforeOrder,
            ("site", site), ("visitor", order.VisitorId), ("customer", order.CustomerId), ("from", at - ConversionWindowMs), ("to", at)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                converted.Add(ReadChat(reader));
            }
        }
        foreach (var chat in converted)
        {
            chat.Converted = true;
            Add(buckets, ChatContribution.OfConversion(chat));
            await WriteChatAsync(connection, transaction, chat, cancellationToken);
        }
        await WriteBucketsAsync(connection, transaction, buckets, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<BucketRow>> ReadAsync(string site, long firstHour, long endHour, ReportQuery query, CancellationToken cancellationToken = default)
    {
        var grouped = ReportDimensions.All.Where(query.GroupBy.Contains).ToList();
        var filters = new List<(string Name, object? Value)> { ("site", site), ("first", firstHour), ("end", endHour) };
        var where = new List<string> { "site = @site", "hour >= @first", "hour < @end", query.ByTag ? "tag <> ''" : "tag = ''" };
        foreach (var (dimension, value) in new[]
        {
            (ReportDimensions.Queue, query.Queue), (ReportDimensions.Operator, query.Operator),
            (ReportDimensions.Channel, query.Channel), (ReportDimensions.Tag, query.Tag),
        })
        {
            if (value is not null)
            {
                where.Add($"{dimension} = @{dimension}");
                filters.Add((dimension, value));
            }
        }
        var sql = $"""
            SELECT hour{string.Concat(grouped.Select(d => ", " + d))}, {string.Join(", ", ReportSql.Figures.Select(c => $"CAST(SUM({c}) AS BIGINT)"))}
              FROM report_buckets WHERE {string.Join(" AND ", where)}
             GROUP BY hour{string.Concat(grouped.Select(d => ", " + d))}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, [.. filters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<BucketRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Dimension(string name) => grouped.IndexOf(name) is >= 0 and var i ? reader.GetString(1 + i) : null;
            var sums = ReadSums(reader, 1 + grouped.Count);
            rows.Add(new BucketRow(reader.GetInt64(0), Dimension(ReportDimensions.Queue), Dimension(ReportDimensions.Operator),
                Dimension(ReportDimensions.Channel), Dimension(ReportDimensions.Tag), sums));
        }
        return rows;
    }

    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.LockCheckpoint, cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.Reset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Add(Dictionary<BucketKey, BucketSums> buckets, IEnumerable<(BucketKey Key, BucketSums Sums)> contribution)
    {
        foreach (var (key, sums) in contribution)
        {
            if (!buckets.TryGetValue(key, out var total))
            {
                buckets[key] = total = new BucketSums();
            }
            total.Add(sums);
        }
    }

    private async Task<bool> HasOrderAsync(DbConnection connection, DbTransaction transaction, ChatFacts chat, CancellationToken cancellationToken)
    {
        var started = chat.StartedAt!.Value.ToUnixTimeMilliseconds();
        await using var command = Command(connection, transaction, ReportSql.OrderAfterChat,
            ("site", chat.Site), ("visitor", chat.VisitorId),
            ("customer", chat.CustomerId.Length == 0 ? null : chat.CustomerId), ("from", started), ("to", started + ConversionWindowMs));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<EventLogPosition> ReadCheckpointAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, ReportSql.ReadCheckpoint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new EventLogPosition(reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<ChatFacts?> ReadChatAsync(DbConnection connection, DbTransaction transaction, string conversation, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, ReportSql.ReadChat, ("conversation", conversation));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadChat(reader) : null;
    }

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

    private static Task WriteChatAsync(DbConnection connection, DbTransaction transaction, ChatFacts chat, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, ReportSql.WriteChat, cancellationToken,
            ("conversation", chat.Conversation), ("site", chat.Site), ("started_ms", chat.StartedAt?.ToUnixTimeMilliseconds()),
            ("queue", chat.Queue), ("channel", chat.Channel), ("visitor", chat.VisitorId), ("invited", chat.Invited ? 1 : 0),
            ("assigned_ms", chat.AssignedAt?.ToUnixTimeMilliseconds()), ("operator", chat.Operator),
            ("answered_ms", chat.AnsweredAt?.ToUnixTimeMilliseconds()), ("closed_ms", chat.ClosedAt?.ToUnixTimeMilliseconds()),
            ("tags", string.Join(TagSeparator, chat.Tags)), ("score", chat.Score), ("converted", chat.Converted ? 1 : 0),
            ("customer", chat.CustomerId));

    private static async Task WriteBucketsAsync(DbConnection connection, DbTransaction transaction, Dictionary<BucketKey, BucketSums> buckets, CancellationToken cancellationToken)
    {
        foreach (var (key, sums) in buckets)
        {
            var parameters = new List<(string, object?)>
            {
                ("site", key.Site), ("hour", key.Hour), ("queue", key.Queue), ("operator", key.Operator), ("channel", key.Channel), ("tag", key.Tag),
            };
            parameters.AddRange(ReportSql.Counts.Zip(Counts(sums), (column, value) => (column, (object?)value)));
            parameters.AddRange(ReportSql.Bins.Zip(sums.FirstResponseBins.Concat(sums.WaitBins).Concat(sums.AbandonBins), (column, value) => (column, (object?)value)));
            await ExecuteAsync(connection, transaction, ReportSql.AddToBucket, cancellationToken, [.. parameters]);
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
