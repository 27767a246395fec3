using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Postgres;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>The reports' read model on real PostgreSQL: the same SQL as on SQLite, fed from the PostgreSQL log's feed.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresReportStoreTests(DatabaseServers servers) : IAsyncLifetime
{
    private const string Site = "pgshop";
    private const int Chats = 12;
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 23);
    private readonly IOptions<ReportOptions> _options = Options.Create(new ReportOptions { BatchSize = 5 });
    private PostgresEventLogSetup _setup = null!;

    private PostgresDatabase Database => _setup.Database;
    private PostgresEventLog Log => _setup.Log;

    public async Task InitializeAsync() => _setup = await PostgresEventLogSetup.CreateAsync(servers, "reports");

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task The_operators_time_store_writes_many_operators_appends_together_and_a_change_sent_twice_once()
    {
        await using var store = new SqlOperatorTimeStore(new PostgresReportDatabase(Database));
        var appends = Enumerable.Range(0, 30).Select(i => store.AppendAsync(Site, $"op{i}",
        [
            new Contracts.Operators.OperatorStatusChange(1, Morning, Contracts.Operators.OperatorStatus.Online, 0, false),
            new Contracts.Operators.OperatorStatusChange(2, Morning.AddMinutes(i), Contracts.Operators.OperatorStatus.Away, 1, i % 2 == 0),
        ])).ToList();
        // Sent again (as an outbox resends after a failure), here with other figures: the first stored stays.
        appends.Add(store.AppendAsync(Site, "op3", [new Contracts.Operators.OperatorStatusChange(2, Morning.AddMinutes(3), Contracts.Operators.OperatorStatus.Away, 9, true)]));
        await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await store.ReadAsync(Site, Morning, Morning.AddHours(1), login: null);

        Assert.Equal(30, stored.Count);
        Assert.Equal([(1L, 0, false), (2L, 1, false)], stored["op3"].Select(change => (change.Seq, change.Chats, change.Full)));
        Assert.Equal([(1L, 0, false), (2L, 1, true)], stored["op4"].Select(change => (change.Seq, change.Chats, change.Full)));
    }

    [Fact]
    public async Task Racing_projectors_count_each_chat_once_orders_convert_and_a_rebuild_gives_the_same_report()
    {
        var store = new SqlReportStore(new PostgresReportDatabase(Database), _options);
        for (var i = 0; i < Chats; i++)
        {
            var at = Morning.AddMinutes(i);
            var anna = new Actor(ActorKind.Operator, Site, "anna", "Anna");
            await Log.AppendAsync(GrainKeys.Conversation(Site, $"c{i}"),
            [
                ConversationEvents.Started(1, at, new StartConversation($"v{i}", null, "general", $"s{i}", "Hello")),
                ConversationEvents.Assigned(2, at.AddSeconds(3), "anna", "Anna", AssignmentReasons.Queue),
                ConversationEvents.OperatorMessage(3, at.AddSeconds(10 + i), anna, new MessageDraft($"a{i}", "Hi"), "Hi"),
                ConversationEvents.Closed(4, at.AddMinutes(3), Senders.Operator, anna, i % 2 == 0 ? ["sizes"] : null),
                ConversationEvents.Rated(5, at.AddMinutes(4), 1 + i % 5, null),
            ]);
        }
        Assert.True(await store.RecordOrderAsync(Site, new Order("o-1", "v3", null, Morning.AddHours(2), 10m)));

        await Task.WhenAll(Projector(store).CatchUpAsync(), Projector(new SqlReportStore(new PostgresReportDatabase(Database), _options)).CatchUpAsync());
        var query = new ReportQuery { From = Day, To = Day, Granularity = ReportGranularity.Hour, GroupBy = ["tag"] };
        var followed = await ReportAsync(store, query);
        var total = Assert.Single(await ReportAsync(store, query with { GroupBy = [], Granularity = ReportGranularity.Total }));

        Assert.Equal((12L, 12L, 12L, 1L), (total.Offered, total.Answered, total.Ratings, total.Orders));
        Assert.Equal(15.5, total.FirstResponseAverage);
        Assert.Equal([("-", 6L), ("sizes", 6L)], followed.Select(row => (row.Tag!, row.Offered)));
        await store.ResetAsync();
        await Projector(store).CatchUpAsync();
        Assert.Equal(followed, await ReportAsync(store, query));
    }

    [Fact]
    public async Task Erasing_a_customer_leaves_no_id_of_theirs_in_the_read_model_and_the_same_totals() =>
        await new Reports.ReportErasureScenario(Log, Log, new PostgresReportDatabase(Database), Site).RunAsync();

    private ReportProjector Projector(IReportStore store) => new(Log, store, _options, TimeProvider.System, NullLogger<ReportProjector>.Instance);

    private static async Task<IReadOnlyList<ReportRow>> ReportAsync(IReportStore store, ReportQuery query)
    {
        var (first, end) = ReportPeriods.Hours(TimeZoneInfo.Utc, query.From, query.To);
        return ReportBuilder.Rows(await store.ReadAsync(Site, first, end, query, TimeZoneInfo.Utc), new ReportPeriods(TimeZoneInfo.Utc, query.Granularity, query.From), 60);
    }
}
