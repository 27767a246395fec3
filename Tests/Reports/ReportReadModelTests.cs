using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Reports;

/// <summary>The reports' read model on SQLite, fed from a real event log by the projector.</summary>
public sealed class ReportReadModelTests : IAsyncLifetime
{
    private const string Site = "shop";
    private const int ServiceLevelSeconds = 60;
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly Actor Visitor = new(ActorKind.Visitor, "v", "Visitor");
    private readonly IOptions<ReportOptions> _options = Options.Create(new ReportOptions { BatchSize = 3 });
    private readonly SqliteEventLogSetup _setup = new();

    private SqliteEventLog Log => _setup.Log;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task Figures_per_operator_and_tag_come_from_the_log()
    {
        var store = Store();
        await AppendDayAsync();
        await store.RecordOrderAsync(Site, new Order("o-1", "v1", null, Morning.AddHours(5), 120m));
        await Projector(store).CatchUpAsync();

        var total = Assert.Single(await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total }));
        Assert.Equal((3L, 2L, 1L), (total.Offered, total.Answered, total.Missed));
        Assert.Equal(41, total.FirstResponseAverage);          // (12 + 70) / 2
        Assert.Equal(50, total.ServiceLevel);                 // 12 s within 60; 70 s not; the missed one waited 40 s, under the target
        Assert.Equal((2L, 50.0, 50.0, 3.5), (total.Ratings, total.Csat, total.Dsat, total.AverageRating));
        Assert.Equal(33.3, total.InvitedShare);
        Assert.Equal((1L, 33.3), (total.Orders, total.Conversion));

        var byOperator = await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total, GroupBy = ["operator"] });
        Assert.Equal(["", "anna", "boris"], byOperator.Select(row => row.Operator));
        Assert.Equal(12, byOperator[1].FirstResponseAverage);
        Assert.Equal(70, byOperator[2].FirstResponseAverage);

        var byTag = await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total, GroupBy = ["tag"] });
        Assert.Equal([("-", 1L), ("returns", 2L), ("sizes", 1L)], byTag.Select(row => (row.Tag!, row.Offered)));
    }

    [Fact]
    public async Task Following_the_log_across_restarts_gives_the_same_numbers_as_a_rebuild_from_its_start()
    {
        await AppendDayAsync(conversations: 2);
        // A projector that stops part-way: the next one (a restart) goes on from the stored checkpoint.
        await Projector(Store()).CatchUpAsync();
        await AppendDayAsync(conversations: 3, offset: 2);
        var restarted = Store();
        await Projector(restarted).CatchUpAsync();
        var query = new ReportQuery { From = Day, To = Day.AddDays(1), Granularity = ReportGranularity.Hour, GroupBy = ["operator", "tag"] };
        var followed = await ReportAsync(restarted, query);

        await restarted.ResetAsync();
        Assert.Empty(await ReportAsync(restarted, query));
        await Projector(restarted).CatchUpAsync();

        Assert.NotEmpty(followed);
        Assert.Equal(followed, await ReportAsync(restarted, query));
    }

    [Fact]
    public async Task A_rating_after_the_close_and_an_order_after_the_projection_still_count_once()
    {
        var store = Store();
        await AppendDayAsync();
        await Projector(store).CatchUpAsync();
        var before = Assert.Single(await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total }));

        Assert.True(await store.RecordOrderAsync(Site, new Order("o-2", "v2", null, Morning.AddHours(2), null)));
        Assert.False(await store.RecordOrderAsync(Site, new Order("o-2", "v2", null, Morning.AddHours(2), null)));
        Assert.True(await store.RecordOrderAsync(Site, new Order("o-3", "v2", null, Morning.AddHours(3), null)));
        Assert.True(await store.RecordOrderAsync(Site, new Order("too-late", "v1", null, Morning.AddDays(3), null)));
        await Projector(store).CatchUpAsync();

        var after = Assert.Single(await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total }));
        Assert.Equal(before.Orders + 1, after.Orders);
    }

    [Fact]
    public async Task An_order_with_only_the_customer_id_converts_that_customers_chats_from_any_device_or_channel()
    {
        var store = Store();
        // The customer's chat on the phone, folded before the order comes; the order then finds it.
        await AppendCustomerChatAsync("c-phone", "caller-1", "cust-7", Morning, ChannelNames.Phone);
        await AppendCustomerChatAsync("c-other", "caller-2", "cust-8", Morning.AddMinutes(5), ChannelNames.Phone);
        await Projector(store).CatchUpAsync();
        Assert.True(await store.RecordOrderAsync(Site, new Order("o-phone", null, "cust-7", Morning.AddHours(1), null)));

        // The same customer on the web from another browser: the order comes before the chat is folded, which then finds it.
        Assert.True(await store.RecordOrderAsync(Site, new Order("o-web", null, "cust-7", Morning.AddHours(3), null)));
        await AppendCustomerChatAsync("c-web", "browser-9", "cust-7", Morning.AddHours(2), ChannelNames.Web);
        await Projector(store).CatchUpAsync();

        var rows = await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total, GroupBy = ["channel"] });
        Assert.Equal([("phone", 2L, 1L), ("web", 1L, 1L)], rows.Select(r => (r.Channel!, r.Offered, r.Orders)));
    }

    [Fact]
    public async Task Erasing_a_customer_leaves_no_id_of_theirs_in_the_read_model_and_the_same_totals() =>
        await new ReportErasureScenario(Log, Log, new SqliteReportDatabase(_setup.Storage), Site).RunAsync();

    [Fact]
    public async Task Two_projectors_racing_over_one_store_count_every_event_once()
    {
        await AppendDayAsync(conversations: 6);
        var store = Store();

        await Task.WhenAll(Projector(store).CatchUpAsync(), Projector(Store()).CatchUpAsync());

        var total = Assert.Single(await ReportAsync(store, new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Total }));
        Assert.Equal(6, total.Offered);
    }

    private SqlReportStore Store() => new(new SqliteReportDatabase(_setup.Storage), _options);

    private ReportProjector Projector(IReportStore store) =>
        new(Log, store, _options, TimeProvider.System, NullLogger<ReportProjector>.Instance);

    private static async Task<IReadOnlyList<ReportRow>> ReportAsync(IReportStore store, ReportQuery query)
    {
        var (first, end) = ReportPeriods.Hours(TimeZoneInfo.Utc, query.From, query.To);
        var buckets = await store.ReadAsync(Site, first, end, query, TimeZoneInfo.Utc);
        return ReportBuilder.Rows(buckets, new ReportPeriods(TimeZoneInfo.Utc, query.Granularity, query.From), ServiceLevelSeconds);
    }

    private async Task AppendCustomerChatAsync(string conversation, string visitor, string customer, DateTimeOffset at, string channel)
    {
        var start = new StartConversation(visitor, null, "general", $"s-{conversation}", "Hello") { CustomerId = customer, Channel = channel };
        await Log.AppendAsync(GrainKeys.Conversation(Site, conversation),
            [ConversationEvents.Started(1, at, start), ConversationEvents.Closed(2, at.AddMinutes(2), Senders.Visitor, Visitor, null)]);
    }

    /// <summary>
    /// Three chats, repeated: anna answers in 12 s (rated 5, tag returns), boris in 70 s (rated 2 after the close,
    /// tags returns and sizes), and an invited visitor leaves unanswered after 40 s.
    /// </summary>
    private async Task AppendDayAsync(int conversations = 3, int offset = 0)
    {
        for (var i = offset; i < offset + conversations; i++)
        {
            var at = Morning.AddMinutes(i * 10);
            var key = GrainKeys.Conversation(Site, $"c{i}");
            var start = new StartConversation($"v{i % 3 + 1}", null, "general", $"s{i}", "Hello") { InvitationRule = i % 3 == 2 ? "cart" : null };
            List<ConversationEvent> events = [ConversationEvents.Started(1, at, start)];
            switch (i % 3)
            {
                case 0:
                    events.Add(ConversationEvents.Assigned(2, at.AddSeconds(5), "anna", "Anna", AssignmentReasons.Queue));
                    events.Add(ConversationEvents.OperatorMessage(3, at.AddSeconds(12), new Actor(ActorKind.Operator, Site, "anna", "Anna"), new MessageDraft("a", "Hi"), "Hi"));
                    events.Add(ConversationEvents.Rated(4, at.AddMinutes(4), 5, null));
                    events.Add(ConversationEvents.Closed(5, at.AddMinutes(5), Senders.Visitor, Visitor, ["returns"]));
                    break;
                case 1:
                    events.Add(ConversationEvents.Assigned(2, at.AddSeconds(50), "boris", "Boris", AssignmentReasons.Queue));
                    events.Add(ConversationEvents.OperatorMessage(3, at.AddSeconds(70), new Actor(ActorKind.Operator, Site, "boris", "Boris"), new MessageDraft("b", "Hi"), "Hi"));
                    events.Add(ConversationEvents.Closed(4, at.AddMinutes(6), Senders.Operator, Visitor, ["returns", "sizes"]));
                    events.Add(ConversationEvents.Rated(5, at.AddMinutes(7), 2, null));
                    break;
                default:
                    events.Add(ConversationEvents.Closed(2, at.AddSeconds(40), Senders.Visitor, Visitor, null));
                    break;
            }
            await Log.AppendAsync(key, events);
        }
    }
}
