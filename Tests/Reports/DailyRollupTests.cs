using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Reports;

/// <summary>
/// The daily roll-up answers day, week and whole-range reports with the same figures (p90s and service level
/// included) as the hours it sums, in the site's zone, and steps aside when the site's zone is not the one it is in.
/// </summary>
public sealed class DailyRollupTests : IAsyncLifetime
{
    private const string Site = "shop";
    private const int ServiceLevelSeconds = 30;
    private static readonly DateTimeOffset FirstChat = new(2026, 11, 20, 18, 5, 0, TimeSpan.Zero);
    private static readonly DateOnly From = new(2026, 11, 20);
    private static readonly DateOnly To = new(2026, 11, 26);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly Actor Visitor = new(ActorKind.Visitor, "v", "Visitor");
    private readonly IOptions<ReportOptions> _options = Options.Create(new ReportOptions { BatchSize = 50 });
    private readonly SqliteEventLogSetup _setup = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task Day_rows_in_the_sites_zone_give_the_reports_its_hours_give_and_a_changed_zone_reads_hours_until_they_move()
    {
        await AppendChatsAsync(0, 200);
        var moscow = Store(Moscow);
        await Projector(moscow).CatchUpAsync();
        // An order after the fold adds to the day rows too, and a rating after the close in a later batch.
        Assert.True(await moscow.RecordOrderAsync(Site, new Order("o-1", "v3", null, FirstChat.AddHours(30), null)));
        await AppendChatsAsync(200, 60);
        await Projector(moscow).CatchUpAsync();

        foreach (var granularity in new[] { ReportGranularity.Day, ReportGranularity.Week, ReportGranularity.Total })
        {
            foreach (var groupBy in new string[][] { [], ["operator"], ["tag"], ["queue", "operator"] })
            {
                var query = new ReportQuery { From = From, To = To, Granularity = granularity, GroupBy = groupBy };
                var fromDays = await ReadAsync(moscow, query, Moscow);
                Assert.All(fromDays.Buckets, bucket => Assert.Equal(21, bucket.Hour % 24));   // Moscow's midnight: read from day rows
                var fromHours = await ByHourAsync(moscow, query, Moscow);
                Assert.NotEmpty(fromHours);
                Assert.Equal(fromHours, fromDays.Rows);
            }
        }

        // The site moves to UTC: Moscow reports no longer match the day rows once the fold has moved them, so they read hours.
        var utc = Store(TimeZoneInfo.Utc);
        await AppendChatsAsync(260, 5);
        await Projector(utc).CatchUpAsync();
        var week = new ReportQuery { From = From, To = To, Granularity = ReportGranularity.Day, GroupBy = ["operator"] };
        var moscowNow = await ReadAsync(utc, week, Moscow);
        Assert.Contains(moscowNow.Buckets, bucket => bucket.Hour % 24 != 21);
        Assert.Equal(await ByHourAsync(utc, week, Moscow), moscowNow.Rows);
        var inUtc = await ReadAsync(utc, week, TimeZoneInfo.Utc);
        Assert.All(inUtc.Buckets, bucket => Assert.Equal(0, bucket.Hour % 24));
        Assert.Equal(await ByHourAsync(utc, week, TimeZoneInfo.Utc), inUtc.Rows);

        // Rebuilt from the log's start, the day rows give the same report.
        await utc.ResetAsync();
        await Projector(utc).CatchUpAsync();
        Assert.Equal(inUtc.Rows, (await ReadAsync(utc, week, TimeZoneInfo.Utc)).Rows);

        static async Task<(IReadOnlyList<BucketRow> Buckets, IReadOnlyList<ReportRow> Rows)> ReadAsync(IReportStore store, ReportQuery query, TimeZoneInfo zone)
        {
            var (first, end) = ReportPeriods.Hours(zone, query.From, query.To);
            var buckets = await store.ReadAsync(Site, first, end, query, zone);
            return (buckets, ReportBuilder.Rows(buckets, new ReportPeriods(zone, query.Granularity, query.From), ServiceLevelSeconds));
        }
    }

    [Theory]
    [InlineData("Europe/Moscow", "day", true)]
    [InlineData("Europe/Berlin", "week", true)]
    [InlineData("UTC", "total", true)]
    [InlineData("Europe/Moscow", "hour", false)]
    [InlineData("Asia/Kolkata", "day", false)]
    public void Day_rows_answer_reports_not_by_hour_in_zones_of_whole_hours(string zone, string granularity, bool answers) =>
        Assert.Equal(answers, DailyRollup.Answers(TimeZoneInfo.FindSystemTimeZoneById(zone), granularity, From, To));

    /// <summary>The same report read from the hourly rows: the hours grouped into the query's periods.</summary>
    private static async Task<IReadOnlyList<ReportRow>> ByHourAsync(IReportStore store, ReportQuery query, TimeZoneInfo zone)
    {
        var (first, end) = ReportPeriods.Hours(zone, query.From, query.To);
        var hours = await store.ReadAsync(Site, first, end, query with { Granularity = ReportGranularity.Hour }, zone);
        return ReportBuilder.Rows(hours, new ReportPeriods(zone, query.Granularity, query.From), ServiceLevelSeconds);
    }

    private SqlReportStore Store(TimeZoneInfo zone) => new(new SqliteReportDatabase(_setup.Storage), _options, new FixedSiteTimeZones(zone));

    private ReportProjector Projector(IReportStore store) =>
        new(_setup.Log, store, _options, TimeProvider.System, NullLogger<ReportProjector>.Instance);

    /// <summary>Chats every 37 minutes from a Friday evening on: answered after 3–150 s by one of three operators, some missed, some rated after the close.</summary>
    private async Task AppendChatsAsync(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var at = FirstChat.AddMinutes(i * 37);
            var start = new StartConversation($"v{i % 7}", null, i % 4 == 0 ? "returns" : "general", $"s{i}", "Hello") { InvitationRule = i % 5 == 0 ? "cart" : null };
            List<ConversationEvent> events = [ConversationEvents.Started(1, at, start)];
            if (i % 6 == 5)
            {
                events.Add(ConversationEvents.Closed(2, at.AddSeconds(10 + i % 90), Senders.Visitor, Visitor, null));
            }
            else
            {
                var login = $"op{i % 3}";
                var author = new Actor(ActorKind.Operator, Site, login, login);
                events.Add(ConversationEvents.Assigned(2, at.AddSeconds(i % 40), login, login, AssignmentReasons.Queue));
                events.Add(ConversationEvents.OperatorMessage(3, at.AddSeconds(3 + i * 13 % 150), author, new MessageDraft($"m{i}", "Hi"), "Hi"));
                events.Add(ConversationEvents.Closed(4, at.AddMinutes(5 + i % 20), Senders.Operator, author, i % 2 == 0 ? ["returns"] : ["sizes", "stock"]));
                if (i % 3 == 0)
                {
                    events.Add(ConversationEvents.Rated(5, at.AddMinutes(30), 1 + i % 5, null));
                }
            }
            await _setup.Log.AppendAsync(GrainKeys.Conversation(Site, $"c{i}"), events);
        }
    }
}
