using Switchboard.Contracts;
using Switchboard.Contracts.Operators;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// The silo holding an online operator's grain dies. The operator grain comes back elsewhere from its stored
/// state (still online) but without the console's subscription: a chat given to the operator then must still
/// reach the console.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class OperatorFailoverTests(DatabaseServers servers) : RunningClusterTests(servers)
{


    [Fact]
    public async Task A_chat_assigned_after_the_operators_silo_died_reaches_the_console()
    {
        var token = await Cluster.GatewayB.LoginAsync("demo", "anna", ClusterNodes.DemoPassword);
        await using var console = await ClusterChat.OnlineConsoleAsync(Cluster.GatewayB, "demo", "anna", ClusterNodes.DemoPassword);

        var anna = Cluster.Observer.Client.GetGrain<IOperatorGrain>(GrainKeys.Operator("demo", "anna"));
        await Cluster.SiloAt(await Cluster.Observer.SiloPortOfAsync(anna)).Process.KillAsync();

        await using var visitor = await ClusterChat.ConnectAsync(() => Cluster.GatewayA.VisitorSocketAsync("demo"));
        await ClusterChat.HelloAsync(visitor, new { type = "hello" });
        var conversationId = (await Wire.SendUntilAckedAsync(visitor, new { type = "start_chat", id = "v-start", text = "Кто-нибудь есть?" }, "v-start")).Str("conversationId");

        await console.SeenAsync(
            f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId,
            "the new chat on anna's console", ClusterChat.Failover);
        await Wire.SendUntilAckedAsync(console, new { type = "message", conversationId, id = "o-1", text = "Да, здравствуйте!" }, "o-1");
        await visitor.SeenAsync(ClusterChat.IsMessage(conversationId, "o-1"), "anna's answer", ClusterChat.Failover);
        Assert.Single(console.Received, f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId);
    }
}
