using System.Diagnostics;
using System.Net;
using Npgsql;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Silo.Hosting;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Redis goes away under chats running through both gateways, on a Redis of this test's own. Restarted empty
/// (no persistence), the silos notice their entries are gone and exit for their supervisor (the test) to start
/// them again; readiness fails until the table is whole; a silo killed afterwards is detected and its
/// conversations come back as they do without the restart. Down for a minute with persistence, chats go on
/// and the table comes back as it was. Nothing acknowledged is lost in either.
/// </summary>
[Collection(DatabaseServers.Name)]
[Trait("Category", "Cluster")]
public sealed class RedisRestartTests(DatabaseServers servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Chats = 20;
    private const int MaxCapacity = 10;

    /// <summary>The issue's target: from Redis's return to a complete membership table.</summary>
    private static readonly TimeSpan TableRebuilt = TimeSpan.FromSeconds(60);

    /// <summary>The issue's target: from a silo's death to every conversation served again.</summary>
    private static readonly TimeSpan ServedAgain = TimeSpan.FromSeconds(60);

    /// <summary>How long the outage test keeps Redis away while chats go on.</summary>
    private static readonly TimeSpan RedisDown = TimeSpan.FromSeconds(60);


    private readonly ClusterChat _wire = new();
    private readonly string _redisData = Directory.CreateTempSubdirectory("switchboard-redis-").FullName;
    private RedisServer _redis = null!;
    private RunningCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(appendOnlyDirectory: _redisData);
        _cluster = await RunningCluster.StartAsync(servers, redisServer: _redis);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        Directory.Delete(_redisData, recursive: true);
    }

    [Fact]
    public async Task After_Redis_restarts_empty_the_silos_rejoin_and_a_later_silo_death_is_detected()
    {
        var (site, chats) = await StartChatsAsync();
        await Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, "before")));

        var port = _redis.Port;
        await _redis.DisposeAsync();
        Directory.Delete(_redisData, recursive: true);
        Directory.CreateDirectory(_redisData);
        _redis = await RedisServer.StartAsync(port, _redisData);
        var back = Stopwatch.StartNew();

        // Chats go on while the silos notice and restart one by one.
        var during = Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, "during")));
        await _cluster.GatewayA.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, "readiness to fail while the table lacks the silos", TableRebuilt);
        await Task.WhenAll(_cluster.Silos.Select(async silo =>
        {
            var exit = silo.Process.WaitForExitAsync(TableRebuilt);
            await Task.WhenAny(exit);
            Assert.True(exit.IsCompletedSuccessfully, $"{silo.Process.Name} did not exit: {string.Join(" | ", silo.Process.Entries(IsWatchdogOrLifetime))}");
            // 75 from a graceful stop, 137 when the watchdog had to kill it: either way a failure its supervisor restarts.
            Assert.NotEqual(0, exit.Result);
            output.WriteLine($"{silo.Process.Name} exited ({exit.Result}) after {back.Elapsed.TotalSeconds:F1} s: {string.Join(" | ", silo.Process.Entries(IsWatchdogOrLifetime))}");
            _cluster.Replace(silo, await _cluster.Nodes.StartSiloAsync($"{silo.Process.Name}-again"));
        }));
        await _cluster.GatewayA.WaitForReadinessAsync(HttpStatusCode.OK, "a complete membership table", TableRebuilt - back.Elapsed);
        await _cluster.GatewayB.WaitForReadinessAsync(HttpStatusCode.OK, "a complete membership table", TableRebuilt - back.Elapsed);
        var rebuilt = back.Elapsed;
        await during;
        output.WriteLine($"Redis back empty: the membership table was whole again after {rebuilt.TotalSeconds:F1} s.");
        // The "during" round may have finished before the silos restarted, leaving no conversation active on the new
        // silos: a round on the rebuilt cluster activates them, so there is a busiest silo to kill.
        await Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, "rejoined")));

        var killed = await KillBusiestSiloAsync(site, chats);
        var death = Stopwatch.StartNew();
        await Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, "after")));
        var served = death.Elapsed;
        output.WriteLine($"Killed the silo on port {killed}: every conversation served again within {served.TotalSeconds:F1} s ({_wire.Refusals} refused sends retried).");
        Assert.True(served < ServedAgain, $"Conversations took {served} to be served again.");

        await AssertLogHoldsEveryAcknowledgedSendOnceAsync(site);
    }

    [Fact]
    public async Task With_Redis_down_for_a_minute_chats_go_on_and_nothing_acknowledged_is_lost()
    {
        var (site, chats) = await StartChatsAsync();
        await Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, "before")));

        var port = _redis.Port;
        await _redis.DisposeAsync();
        var down = Stopwatch.StartNew();
        var rounds = 0;
        while (down.Elapsed < RedisDown)
        {
            await Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, $"down{rounds}")));
            rounds++;
        }
        output.WriteLine($"Redis down for {down.Elapsed.TotalSeconds:F1} s: {rounds} rounds of {Chats} exchanges went through.");

        // Persistence (append-only file) brings the table back as it was: nobody has to rejoin.
        _redis = await RedisServer.StartAsync(port, _redisData);
        var back = Stopwatch.StartNew();
        await _cluster.GatewayA.WaitForReadinessAsync(HttpStatusCode.OK, "readiness with Redis back", TableRebuilt);
        await Task.WhenAll(chats.Select(chat => ExchangeAsync(chat, "after")));
        output.WriteLine($"Redis back with its data: ready and serving after {back.Elapsed.TotalSeconds:F1} s.");
        Assert.All(_cluster.Silos, silo => Assert.False(silo.Process.HasExited, $"{silo.Process.Name} exited:\n{silo.Process.Output}"));

        await AssertLogHoldsEveryAcknowledgedSendOnceAsync(site);
    }

    private async Task<(string Site, Chat[] Chats)> StartChatsAsync()
    {
        var logins = Enumerable.Range(0, Chats / MaxCapacity).Select(i => $"op{i}").ToList();
        var site = await TestSites.CreateAsync(_cluster.Observer.Client, logins.Select(l => (l, MaxCapacity, new[] { "general" })).ToArray());
        var consoles = new Dictionary<string, TestSocket>();
        foreach (var (login, i) in logins.Select((l, i) => (l, i)))
        {
            consoles[login] = await ClusterChat.OnlineConsoleAsync(i % 2 == 0 ? _cluster.GatewayA : _cluster.GatewayB, site, login, TestSites.Password);
        }
        var chats = await Task.WhenAll(Enumerable.Range(0, Chats).Select(i => StartChatAsync(i, site, consoles)));
        return (site, chats);
    }

    /// <summary>A visitor on gateway A or B (alternately) starts a chat and an operator gets it.</summary>
    private async Task<Chat> StartChatAsync(int index, string site, Dictionary<string, TestSocket> consoles)
    {
        var gateway = index % 2 == 0 ? _cluster.GatewayA : _cluster.GatewayB;
        var visitor = await ClusterChat.ConnectAsync(() => gateway.VisitorSocketAsync(site));
        await ClusterChat.HelloAsync(visitor, new { type = "hello" });
        var id = $"c{index}-start";
        var conversationId = (await _wire.SendUntilAckedAsync(visitor, new { type = "start_chat", id, text = $"Добрый день, №{index}" }, id)).Str("conversationId");
        var assigned = await visitor.SeenAsync(
            f => f.Str("type") == EventTypes.Assigned && f.Str("conversationId") == conversationId, $"chat {index} assigned", ClusterChat.Failover);
        var console = consoles[assigned.GetProperty("operator").Str("id")];
        // The console has the chat (and its transcript) before anyone writes in it.
        await console.SeenAsync(f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId,
            $"chat {index} on its operator's console", ClusterChat.Failover);
        return new Chat(index, conversationId, visitor, console);
    }

    private Task ExchangeAsync(Chat chat, string round) =>
        _wire.ExchangeAsync(chat.Visitor, chat.Console, chat.ConversationId, $"c{chat.Index}", round);

    /// <summary>Kills the silo that hosts the most of the chats' conversations; returns its port.</summary>
    private async Task<int> KillBusiestSiloAsync(string site, Chat[] chats)
    {
        // After the silos restarted, a chat nobody has written in since has no activation yet: it is on no silo.
        var homes = await Task.WhenAll(chats.Select(chat => _cluster.Observer.ActivationPortOfAsync(
            _cluster.Observer.Client.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, chat.ConversationId)))));
        var busiest = homes.OfType<int>().GroupBy(port => port).MaxBy(g => g.Count())?.Key
            ?? throw new InvalidOperationException("None of the chats' conversations is active on any silo.");
        await _cluster.SiloAt(busiest).Process.KillAsync();
        return busiest;
    }

    private static bool IsWatchdogOrLifetime(string line) =>
        line.Contains(nameof(MembershipWatchdog), StringComparison.Ordinal) || line.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal);

    private async Task AssertLogHoldsEveryAcknowledgedSendOnceAsync(string site)
    {
        var stored = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        await using (var connection = new NpgsqlConnection(_cluster.Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT client_id, seq FROM conversation_events WHERE site = $1 AND client_id IS NOT NULL", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = site });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var clientId = reader.GetString(0);
                (stored.TryGetValue(clientId, out var seqs) ? seqs : stored[clientId] = []).Add(reader.GetInt64(1));
            }
        }
        foreach (var (clientId, seq) in _wire.Acknowledged)
        {
            Assert.True(stored.TryGetValue(clientId, out var copies), $"'{clientId}' was acknowledged but is not in the log");
            Assert.Equal(seq, Assert.Single(copies));
        }
    }

    private sealed record Chat(int Index, string ConversationId, TestSocket Visitor, TestSocket Console);
}
