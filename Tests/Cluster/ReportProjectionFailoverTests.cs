using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Reports;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Both silos run the report projector and one leads: the other stays idle, each chat is counted once, and when the
/// leader is killed the survivor takes the lead over and the read model goes on from the checkpoint.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class ReportProjectionFailoverTests(DatabaseServers servers, ITestOutputHelper output) : RunningClusterTests(servers)
{
    private const string LeadLine = "leads the report projection";
    private const int ChatsBefore = 6;
    private const int ChatsAfter = 4;

    protected override bool WithGateways => false;

    [Fact]
    public async Task One_silo_folds_the_log_and_the_other_takes_over_when_it_dies_without_counting_twice()
    {
        var site = await TestSites.CreateAsync(Cluster.Observer.Client);
        var leader = await LeaderAsync(Cluster.Silos);
        var follower = Cluster.Silos.Single(s => s != leader);
        output.WriteLine($"The silo on port {leader.SiloPort} leads the projection.");

        await ChatsAsync(site, 0, ChatsBefore);
        await OfferedAsync(site, ChatsBefore);
        Assert.Empty(follower.Process.Entries(line => line.Contains(LeadLine, StringComparison.Ordinal)));

        await leader.Process.KillAsync();
        // The server ends the dead silo's session, and its advisory lock with it: no lease to run out first.
        await follower.Process.WaitForLineAsync(LeadLine, ClusterChat.Failover);
        await ChatsAsync(site, ChatsBefore, ChatsAfter);
        await OfferedAsync(site, ChatsBefore + ChatsAfter);
    }

    private static async Task<SiloNode> LeaderAsync(IReadOnlyList<SiloNode> silos)
    {
        var first = await Task.WhenAny(silos.Select(async silo =>
        {
            await silo.Process.WaitForLineAsync(LeadLine, ClusterNodes.StartTimeout);
            return silo;
        }));
        return await first;
    }

    /// <summary>Chats a visitor starts and leaves unanswered (missed, but offered); retried as one would after a silo's death.</summary>
    private async Task ChatsAsync(string site, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var visitor = $"visitor-{i}";
            var conversation = Cluster.Observer.Client.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, $"c{i}"));
            var actor = new Actor(ActorKind.Visitor, site, visitor);
            // Both calls are idempotent (the start by its client id, the close by the status), so a retry adds nothing.
            await RetriedAsync(() => conversation.Start(new StartConversation(visitor, null, "general", $"start-{i}", "Hello"), null));
            await RetriedAsync(() => conversation.Close(actor));
        }
    }

    private static async Task RetriedAsync(Func<Task> call)
    {
        using var deadline = new CancellationTokenSource(ClusterChat.Failover);
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(ClusterChat.RetryPace);
            }
        }
    }

    /// <summary>
    /// The report, or null while the cluster is still finding out a silo died: a call that reaches for the dead silo
    /// fails until the membership says so, and is asked again, as the console would.
    /// </summary>
    private async Task<Report?> QueriedAsync(string site, ReportQuery query)
    {
        try
        {
            return await Cluster.Observer.Client.Grain<IReportGrain>(site).Query(query);
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            await Task.Delay(ClusterChat.RetryPace);
            return null;
        }
    }

    /// <summary>Waits for the total to reach <paramref name="expected"/>, then requires it is not more.</summary>
    private async Task OfferedAsync(string site, int expected)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var query = new ReportQuery { From = today.AddDays(-1), To = today.AddDays(1), Granularity = ReportGranularity.Total };
        var report = await Eventually.Until(
            () => QueriedAsync(site, query),
            r => r is not null && r.Rows.Sum(row => row.Offered) >= expected,
            $"{expected} chats offered in the report");
        Assert.Equal(expected, report!.Rows.Sum(row => row.Offered));
    }
}
