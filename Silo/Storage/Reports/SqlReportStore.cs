using System.Data.Common;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>The read model in SQL (<see cref="ReportSql"/>): folding batches of the log, orders, and report reads.</summary>
public sealed partial class SqlReportStore(IReportDatabase database, IOptions<ReportOptions> options, ISiteTimeZones? zones = null) : IReportStore
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
        await using var connection = await database.OpenForFoldingAsync(cancellationToken);
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
}
