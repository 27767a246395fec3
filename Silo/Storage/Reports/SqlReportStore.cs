using System.Data.Common;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>The read model in SQL (<see cref="ReportSql"/>): folding batches of the log, orders, and report reads.</summary>
public sealed class SqlReportStore(IReportDatabase database, IOptions<ReportOptions> options, ISiteTimeZones? zones = null) : IReportStore
{
    private const char TagSeparator = '\u001f';

    /// <summary>Ids per <c>IN (…)</c> list: well under both databases' parameter limits.</summary>
    private const int IdsPerRead = 500;

    private readonly ISiteTimeZones _zones = zones ?? FixedSiteTimeZones.Utc;

    private long ConversionWindowMs => options.Value.ConversionHours * 3_600_000L;

    public Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken = default) => database.TryLeadAsync(cancellationToken);

    public async Task<EventLogPosition> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadCheckpointAsync(connection, null, cancellationToken);
    }

    public async Task<bool> ApplyAsync(EventLogPosition from, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken = default)
    {
        // The sites' zones before the transaction: asking a site may take a grain call, which must not hold the lock.
        var siteZones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        foreach (var site in events.Select(logged => Contracts.GrainKeys.Parse(logged.ConversationKey).Site).Distinct(StringComparer.Ordinal))
        {
            siteZones[site] = await _zones.OfAsync(site, cancellationToken);
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.LockCheckpoint, cancellationToken);
        if (await ReadCheckpointAsync(connection, transaction, cancellationToken) != from)
        {
            return false;
        }
        // Everything in memory first: the facts of the batch's conversations read at once, the events folded, the
        // orders looked up at once, then one write per chat and per bucket row (not per event).
        var chats = await ReadChatsAsync(connection, transaction, ContinuedConversations(events), cancellationToken);
        var buckets = new Dictionary<BucketKey, BucketSums>();
        var closed = new List<(ChatFacts Chat, List<(BucketKey Key, BucketSums Sums)> Rows)>();
        foreach (var logged in events)
        {
            if (!chats.TryGetValue(logged.ConversationKey, out var chat))
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
                    // Its rows as they are at the close; whether an order converts it is looked up for the whole batch below.
                    closed.Add((chat, ChatContribution.OfClosed(chat).ToList()));
                    break;
                case ChatChange.RatedAfterClose:
                    Add(buckets, ChatContribution.OfRating(chat, chat.Score!.Value));
                    break;
            }
        }
        var converted = await ConvertedAsync(connection, transaction, closed.Select(entry => entry.Chat).ToList(), cancellationToken);
        foreach (var (chat, rows) in closed)
        {
            chat.Converted = converted.Contains(chat);
            foreach (var (_, sums) in rows)
            {
                sums.Converted = chat.Converted ? 1 : 0;
            }
            Add(buckets, rows);
        }
        await WriteChatsAsync(connection, transaction, chats.Values, cancellationToken);
        foreach (var (site, zone) in siteZones)
        {
            await KeepDaysInAsync(connection, transaction, site, zone, cancellationToken);
        }
        await WriteBucketsAsync(connection, transaction, buckets, siteZones, cancellationToken);
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
        }
        await WriteChatsAsync(connection, transaction, converted, cancellationToken);
        // The day rows are kept in the zone the fold last put them in (the fold moves them when the site's zone changes).
        var dayZones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        if (await DayZoneAsync(connection, transaction, site, cancellationToken) is { } dayZone)
        {
            dayZones[site] = dayZone;
        }
        await WriteBucketsAsync(connection, transaction, buckets, dayZones, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<BucketRow>> ReadAsync(
        string site, long firstHour, long endHour, ReportQuery query, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        // The day rows when they answer exactly (kept in this zone, a report not by hour); a site whose day rows are in
        // another zone, or have not been made yet, gets none from them and is read by hour. One statement each, so
        // the zone check and the rows come from one snapshot.
        if (DailyRollup.Answers(zone, query.Granularity, query.From, query.To))
        {
            var days = await ReadRowsAsync("report_days", site, firstHour, endHour, query, zone.Id, cancellationToken);
            if (days.Count > 0)
            {
                return days;
            }
        }
        return await ReadRowsAsync("report_buckets", site, firstHour, endHour, query, null, cancellationToken);
    }

    private async Task<IReadOnlyList<BucketRow>> ReadRowsAsync(
        string table, string site, long firstHour, long endHour, ReportQuery query, string? dayZone, CancellationToken cancellationToken)
    {
        var grouped = ReportDimensions.All.Where(query.GroupBy.Contains).ToList();
        var filters = new List<(string Name, object? Value)> { ("site", site), ("first", firstHour), ("end", endHour) };
        var where = new List<string> { "site = @site", "hour >= @first", "hour < @end", query.ByTag ? "tag <> ''" : "tag = ''" };
        if (dayZone is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM report_day_zones WHERE report_day_zones.site = @site AND zone = @zone)");
            filters.Add(("zone", dayZone));
        }
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
              FROM {table} WHERE {string.Join(" AND ", where)}
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

    private static async Task<EventLogPosition> ReadCheckpointAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, ReportSql.ReadCheckpoint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new EventLogPosition(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The conversations whose first event in the batch is not their first: their facts are stored.</summary>
    private static List<string> ContinuedConversations(IReadOnlyList<LoggedEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. events.Where(logged => seen.Add(logged.ConversationKey) && logged.Event.Seq > 1).Select(logged => logged.ConversationKey)];
    }

    private static async Task<Dictionary<string, ChatFacts>> ReadChatsAsync(
        DbConnection connection, DbTransaction transaction, List<string> conversations, CancellationToken cancellationToken)
    {
        var chats = new Dictionary<string, ChatFacts>(StringComparer.Ordinal);
        foreach (var chunk in conversations.Chunk(IdsPerRead))
        {
            await using var command = Command(connection, transaction, ReportSql.ReadChats(chunk.Length),
                [.. chunk.Select((conversation, i) => ($"c{i}", (object?)conversation))]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var chat = ReadChat(reader);
                chats[chat.Conversation] = chat;
            }
        }
        return chats;
    }

    /// <summary>The chats an order of their visitor or customer came for within the window after their start.</summary>
    private async Task<HashSet<ChatFacts>> ConvertedAsync(
        DbConnection connection, DbTransaction transaction, List<ChatFacts> chats, CancellationToken cancellationToken)
    {
        var converted = new HashSet<ChatFacts>();
        foreach (var site in chats.GroupBy(chat => chat.Site, StringComparer.Ordinal))
        {
            foreach (var chunk in site.Chunk(IdsPerRead))
            {
                var visitors = chunk.Select(chat => chat.VisitorId).Distinct(StringComparer.Ordinal).ToList();
                var customers = chunk.Select(chat => chat.CustomerId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                var starts = chunk.Select(chat => chat.StartedAt!.Value.ToUnixTimeMilliseconds()).ToList();
                var orders = new List<(string? Visitor, string? Customer, long At)>();
                await using (var command = Command(connection, transaction, ReportSql.OrdersOf(visitors.Count, customers.Count),
                    [("site", site.Key), ("from", starts.Min()), ("to", starts.Max() + ConversionWindowMs),
                     .. visitors.Select((id, i) => ($"v{i}", (object?)id)), .. customers.Select((id, i) => ($"u{i}", (object?)id))]))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        orders.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)));
                    }
                }
                foreach (var chat in chunk)
                {
                    var started = chat.StartedAt!.Value.ToUnixTimeMilliseconds();
                    if (orders.Any(order => order.At >= started && order.At <= started + ConversionWindowMs
                        && (order.Visitor == chat.VisitorId || (chat.CustomerId.Length > 0 && order.Customer == chat.CustomerId))))
                    {
                        converted.Add(chat);
                    }
                }
            }
        }
        return converted;
    }

    private static async Task<TimeZoneInfo?> DayZoneAsync(DbConnection connection, DbTransaction transaction, string site, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, ReportSql.ReadDayZone, ("site", site));
        return await command.ExecuteScalarAsync(cancellationToken) is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>
    /// Makes sure the site's day rows are in <paramref name="zone"/>: when they are not (a site new to them, a read
    /// model from before them, a changed zone) they are summed again from its hourly rows, which hold everything.
    /// </summary>
    private static async Task KeepDaysInAsync(DbConnection connection, DbTransaction transaction, string site, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if ((await DayZoneAsync(connection, transaction, site, cancellationToken))?.Id == zone.Id)
        {
            return;
        }
        await ExecuteAsync(connection, transaction, ReportSql.DeleteDays, cancellationToken, ("site", site));
        var hours = new Dictionary<BucketKey, BucketSums>();
        await using (var command = Command(connection, transaction, ReportSql.ReadSiteBuckets, ("site", site)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new BucketKey(site, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
                hours[key] = ReadSums(reader, 5);
            }
        }
        await WriteRowsAsync(connection, transaction, "report_days",
            ByDay(hours, new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal) { [site] = zone }), cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.WriteDayZone, cancellationToken, ("site", site), ("zone", zone.Id));
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

    /// <summary>The hourly sums of sites in <paramref name="dayZones"/> added up per local day (keyed by the hour it starts in).</summary>
    private static Dictionary<BucketKey, BucketSums> ByDay(Dictionary<BucketKey, BucketSums> hours, IReadOnlyDictionary<string, TimeZoneInfo> dayZones)
    {
        var days = new Dictionary<BucketKey, BucketSums>();
        var dayOf = new Dictionary<(string Site, long Hour), long>();
        foreach (var (key, sums) in hours)
        {
            if (!dayZones.TryGetValue(key.Site, out var zone))
            {
                continue;
            }
            if (!dayOf.TryGetValue((key.Site, key.Hour), out var day))
            {
                dayOf[(key.Site, key.Hour)] = day = DailyRollup.DayOf(zone, key.Hour);
            }
            Add(days, [(key with { Hour = day }, sums)]);
        }
        return days;
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
