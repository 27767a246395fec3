using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Reports;

namespace Switchboard.Tests.Reports;

/// <summary>
/// A customer's erasure in the read model, the same on SQLite and PostgreSQL: two customers chat and order, one is
/// erased; their ids are gone from the raw tables, the totals are the same, and orders still convert the other's chats.
/// </summary>
public sealed class ReportErasureScenario(IEventLog log, IEventLogFeed feed, IReportDatabase database, string site)
{
    private const string Erased = "cust-erased-7";
    private const string ErasedBrowser = "browser-erased-7";
    private const string ErasedPhone = "caller-erased-7";
    private const string Kept = "cust-kept-8";
    private const string KeptBrowser = "browser-kept-8";
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly Actor Visitor = new(ActorKind.Visitor, "v", "Visitor");
    private readonly IOptions<ReportOptions> _options = Options.Create(new ReportOptions { BatchSize = 2 });

    public async Task RunAsync()
    {
        var store = new SqlReportStore(database, _options);
        await ChatAsync("e-web", ErasedBrowser, Erased, Morning, ChannelNames.Web);
        await ChatAsync("e-phone", ErasedPhone, Erased, Morning.AddMinutes(10), ChannelNames.Phone);
        await ChatAsync("e-later", ErasedBrowser, null, Morning.AddMinutes(20), ChannelNames.Web);
        await ChatAsync("k-web", KeptBrowser, Kept, Morning.AddMinutes(30), ChannelNames.Web);
        await ChatAsync("k-later", KeptBrowser, Kept, Morning.AddHours(3), ChannelNames.Web);
        Assert.True(await store.RecordOrderAsync(site, new Order("o-erased", ErasedBrowser, Erased, Morning.AddHours(1), 40m)));
        Assert.True(await store.RecordOrderAsync(site, new Order("o-kept", KeptBrowser, Kept, Morning.AddHours(1), 50m)));
        await Projector(store).CatchUpAsync();
        var before = await TotalAsync(store);
        Assert.Equal((5L, 4L), (before.Offered, before.Orders));   // e-web, e-phone, e-later (its browser) and k-web converted
        Assert.Contains(await CellsAsync(), cell => cell.Contains(Erased, StringComparison.Ordinal));

        await store.ForgetCustomerAsync(site, Erased, [ErasedBrowser, ErasedPhone],
            [GrainKeys.Conversation(site, "e-web"), GrainKeys.Conversation(site, "e-phone"), GrainKeys.Conversation(site, "e-later")]);

        var cells = await CellsAsync();
        Assert.DoesNotContain(cells, cell => cell.Contains(Erased, StringComparison.Ordinal) || cell.Contains(ErasedBrowser, StringComparison.Ordinal)
            || cell.Contains(ErasedPhone, StringComparison.Ordinal));
        Assert.Contains(cells, cell => cell.Contains(Kept, StringComparison.Ordinal));
        Assert.Equal(before, await TotalAsync(store));

        // The kept customer's later chat is converted by a new order; the erased one's orders reported again (by id or
        // anew) convert none of the erased chats, and an order id seen before stays counted once.
        Assert.True(await store.RecordOrderAsync(site, new Order("o-kept-2", null, Kept, Morning.AddHours(4), 60m)));
        Assert.False(await store.RecordOrderAsync(site, new Order("o-erased", ErasedBrowser, Erased, Morning.AddHours(1), 40m)));
        Assert.True(await store.RecordOrderAsync(site, new Order("o-erased-2", ErasedBrowser, Erased, Morning.AddHours(2), 30m)));
        var after = await TotalAsync(store);
        Assert.Equal((before.Offered, before.Orders + 1), (after.Offered, after.Orders));
    }

    private ReportProjector Projector(IReportStore store) => new(feed, store, _options, TimeProvider.System, NullLogger<ReportProjector>.Instance);

    private async Task<ReportRow> TotalAsync(IReportStore store)
    {
        var query = new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total };
        var (first, end) = ReportPeriods.Hours(TimeZoneInfo.Utc, query.From, query.To);
        var buckets = await store.ReadAsync(site, first, end, query, TimeZoneInfo.Utc);
        return Assert.Single(ReportBuilder.Rows(buckets, new ReportPeriods(TimeZoneInfo.Utc, query.Granularity, query.From), 60));
    }

    private async Task ChatAsync(string conversation, string visitor, string? customer, DateTimeOffset at, string channel)
    {
        var start = new StartConversation(visitor, null, "general", $"s-{conversation}", "Hello") { CustomerId = customer, Channel = channel };
        await log.AppendAsync(GrainKeys.Conversation(site, conversation),
            [ConversationEvents.Started(1, at, start), ConversationEvents.Closed(2, at.AddMinutes(2), Senders.Visitor, Visitor, null)]);
    }

    /// <summary>Every text cell of the chats' and orders' tables as stored, read past the store.</summary>
    private async Task<List<string>> CellsAsync()
    {
        var cells = new List<string>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        foreach (var table in new[] { "report_chats", "report_orders" })
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text)
                    {
                        cells.Add(text);
                    }
                }
            }
        }
        return cells;
    }
}
