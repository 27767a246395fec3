using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Two hundred chats at once through both gateways, with operators on both; a silo is killed mid-way. Every
/// acknowledged message is in the event log exactly once, no client sees a gap or a repeat, and every
/// conversation takes messages again within <see cref="ClusterChat.Failover"/>.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class ManyChatsFailoverTests(DatabaseServers servers, ITestOutputHelper output) : RunningClusterTests(servers)
{
    private const int Chats = 200;
    private const int MaxCapacity = 10;

    /// <summary>
    /// The queue decides one assignment at a time (by design: no operator is ever overfilled), each with a few
    /// storage writes, and tells every waiting visitor its new position; 200 arrivals at once on a busy 2-core
    /// machine take a while to drain.
    /// </summary>
    private static readonly TimeSpan AssignmentWait = TimeSpan.FromSeconds(90);



    [Fact]
    public async Task Two_hundred_chats_through_both_gateways_lose_nothing_when_a_silo_dies()
    {
        // Capacity is at most 10 a head, so 200 chats need 20 operators, their consoles split over both gateways.
        var logins = Enumerable.Range(0, Chats / MaxCapacity).Select(i => $"op{i:00}").ToList();
        var site = await TestSites.CreateAsync(Cluster.Observer.Client, logins.Select(l => (l, MaxCapacity, new[] { "general" })).ToArray());
        var consoles = new Dictionary<string, TestSocket>();
        foreach (var (login, i) in logins.Select((l, i) => (l, i)))
        {
            consoles[login] = await ClusterChat.OnlineConsoleAsync(i % 2 == 0 ? Cluster.GatewayA : Cluster.GatewayB, site, login, TestSites.Password);
        }

        // Each operator answers a chat as soon as it is theirs, as a person does: an operator who left one unanswered
        // for a minute would be set away and lose it (no-answer reassignment), while the other arrivals still drain.
        var arrivals = Stopwatch.StartNew();
        var chats = await Task.WhenAll(Enumerable.Range(0, Chats).Select(async i =>
        {
            var chat = await StartAsync(i, site, consoles);
            await ExchangeAsync(chat, "before");
            return chat;
        }));
        output.WriteLine($"{Chats} chats started, assigned and answered in {arrivals.Elapsed.TotalSeconds:F1} s.");
        try
        {

            // The silo that hosts the most conversations dies: placement may well have put them all on one.
            var homes = await Task.WhenAll(chats.Select(chat => Cluster.Observer.SiloPortOfAsync(
                Cluster.Observer.Client.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, chat.ConversationId)))));
            var killed = Cluster.SiloAt(homes.GroupBy(port => port).MaxBy(g => g.Count())!.Key);
            await killed.Process.KillAsync();
            var outage = Stopwatch.StartNew();
            var recovered = await Task.WhenAll(chats.Select(async chat =>
            {
                await ExchangeAsync(chat, "after");
                return outage.Elapsed;
            }));
            output.WriteLine($"{Chats} chats, {homes.Count(port => port == killed.SiloPort)} of them on the killed silo; " +
                $"all exchanged messages again within {recovered.Max().TotalSeconds:F1} s (median {recovered.Order().ElementAt(Chats / 2).TotalSeconds:F1} s); " +
                $"{Wire.Refusals} refused sends retried.");

            await AssertLogHoldsEveryAcknowledgedSendOnceAsync(site);
            foreach (var chat in chats)
            {
                var last = ClusterChat.LastSeq(chat.Visitor, chat.ConversationId);
                await chat.Console.SeenAsync(ClusterChat.IsEvent(chat.ConversationId, last), $"event {last} of {chat.ConversationId} on the console", Waits.Signal);
                ClusterChat.AssertGapFree(chat.Visitor, chat.ConversationId, fromSeq: 1);
                ClusterChat.AssertGapFree(chat.Console, chat.ConversationId, fromSeq: chat.AssignedTranscriptEnd + 1);
            }
        }
        finally
        {
            foreach (var chat in chats)
            {
                await chat.Visitor.DisposeAsync();
            }
            foreach (var console in consoles.Values)
            {
                await console.DisposeAsync();
            }
        }
    }

    /// <summary>A visitor on gateway A or B (alternately) starts a chat and an operator gets it.</summary>
    private async Task<Chat> StartAsync(int index, string site, Dictionary<string, TestSocket> consoles)
    {
        var gateway = index % 2 == 0 ? Cluster.GatewayA : Cluster.GatewayB;
        var visitor = await ClusterChat.ConnectAsync(() => gateway.VisitorSocketAsync(site));
        await ClusterChat.HelloAsync(visitor, new { type = "hello" });
        var id = $"c{index}-start";
        var conversationId = (await Wire.SendUntilAckedAsync(visitor, new { type = "start_chat", id, text = $"Здравствуйте, №{index} 👋" }, id)).Str("conversationId");
        JsonElement assigned;
        try
        {
            assigned = await visitor.SeenAsync(
                f => f.Str("type") == EventTypes.Assigned && f.Str("conversationId") == conversationId, $"chat {index} assigned", AssignmentWait);
        }
        catch (TimeoutException unassigned)
        {
            throw new TimeoutException($"{unassigned.Message}\n{await RoutingStateAsync(site, conversationId, consoles.Keys)}", unassigned);
        }
        var console = consoles[assigned.GetProperty("operator").Str("id")];
        var notice = await console.SeenAsync(
            f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId,
            $"chat {index} on its operator's console", Waits.Signal);
        return new Chat(index, conversationId, visitor, console, notice.GetProperty("transcript").EnumerateArray().Last().Seq());
    }

    /// <summary>What the queue and the operators hold, to tell a leaked seat from a lost entry when a chat is stranded.</summary>
    private async Task<string> RoutingStateAsync(string site, string conversationId, IEnumerable<string> logins)
    {
        var grains = Cluster.Observer.Client;
        var queue = await grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot();
        var held = new List<string>();
        var seats = new List<string>();
        foreach (var login in logins)
        {
            var snapshot = await grains.GetGrain<IOperatorGrain>(GrainKeys.Operator(site, login)).GetSnapshot();
            held.AddRange(snapshot.Conversations);
            var roster = queue.Roster.FirstOrDefault(o => o.OperatorId == login);
            seats.Add($"{login} {snapshot.Status} {snapshot.Conversations.Count}/{snapshot.Capacity} (queue sees {roster?.Status} {roster?.Load})");
        }
        var conversation = await grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .GetSnapshot(Actor.System(site));
        var phantoms = held.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        // What the silos warned about (lost calls, freed seats): the product's own warnings, with their message line.
        var nodes = Cluster.Silos.Select(silo => silo.Process).Concat([Cluster.GatewayA.Process, Cluster.GatewayB.Process]);
        var warnings = nodes.SelectMany(node => node.Entries(line =>
                line.StartsWith("warn: Switchboard", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal))
            .Select(entry => $"{node.Name}: {entry}")).ToList();
        return $"silo warnings: [{string.Join(" | ", warnings.TakeLast(30))}]; " +
            $"conversation: {conversation.Status} operator {conversation.OperatorId}; " +
            $"queue waiting {queue.Waiting.Count} [{string.Join(", ", queue.Waiting.Take(5).Select(w => w.ConversationId))}], " +
            $"holds it: {queue.Waiting.Any(w => w.ConversationId == conversationId)}; seats held {held.Count}, distinct {held.Distinct().Count()}, " +
            $"held twice [{string.Join(", ", phantoms)}]; operators: {string.Join("; ", seats)}";
    }

    private Task ExchangeAsync(Chat chat, string round) =>
        Wire.ExchangeAsync(chat.Visitor, chat.Console, chat.ConversationId, $"c{chat.Index}", round);

    private async Task AssertLogHoldsEveryAcknowledgedSendOnceAsync(string site)
    {
        var rows = new List<(string Conversation, long Seq, string? ClientId)>();
        await using (var connection = new NpgsqlConnection(Cluster.Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT conversation, seq, client_id FROM conversation_events WHERE site = $1 ORDER BY conversation, seq", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = site });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }
        Assert.Equal(Chats, rows.Select(r => r.Conversation).Distinct().Count());
        foreach (var conversation in rows.GroupBy(r => r.Conversation))
        {
            Assert.Equal(Enumerable.Range(1, conversation.Count()).Select(s => (long)s), conversation.Select(r => r.Seq));
        }
        var stored = rows.Where(r => r.ClientId is not null).GroupBy(r => r.ClientId!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (clientId, seq) in Wire.Acknowledged)
        {
            Assert.True(stored.TryGetValue(clientId, out var copies), $"'{clientId}' was acknowledged but is not in the log");
            Assert.Equal(seq, Assert.Single(copies).Seq);
        }
    }

    private sealed record Chat(int Index, string ConversationId, TestSocket Visitor, TestSocket Console, long AssignedTranscriptEnd);
}
