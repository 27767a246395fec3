using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// An operator's reply to a messenger chat, in flight when the silo holding its outbox dies, reaches the person exactly
/// once after the outbox comes back on the other silo. What "exactly once" rests on differs by platform:
/// <list type="bullet">
/// <item>Telegram has no idempotency key. The outbox stores the message before it is sent, so a death loses nothing;
/// a death after Telegram took the message (before the outcome was stored) sends it again and Telegram shows it
/// twice. The test holds the send in the window where the platform has not taken it (Telegram's 429 and its
/// <c>retry_after</c>, waited out inside the dying silo), and the fake's record of what it answered <c>ok</c>
/// proves it was taken once.</item>
/// <item>VK takes <c>random_id</c>, derived from our message id, and shows a repeat once. The test kills the silo after
/// the fake took the message and before it answered: the outbox sends again, and the fake (which honours
/// <c>random_id</c> as VK does) shows it once.</item>
/// </list>
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class MessengerFailoverTests(DatabaseServers servers, ITestOutputHelper output) : RunningClusterTests(servers)
{
    /// <summary>
    /// From a silo's death to the outbox sending again elsewhere: the death noticed (seconds), then the outbox's
    /// one-minute reminder firing on the silo that took its range over, or the conversation handing it the message.
    /// </summary>
    private static readonly TimeSpan OutboxFailover = TimeSpan.FromMinutes(3);

    /// <summary>Long enough that the dying silo is surely still waiting it out when it is killed.</summary>
    private const int RetryAfterSeconds = 50;

    [Fact]
    public async Task A_telegram_reply_held_by_a_429_survives_its_outbox_silo_dying_and_a_gateway_dying_and_arrives_once()
    {
        await using var telegram = await FakeTelegram.StartAsync(Cluster.GatewayA.Http, "demo", "4040:cluster", "tg_cluster_secret");
        await ConfigureAsync(ChannelNames.Telegram, telegram.ChannelSettings);
        await using var console = await ClusterChat.OnlineConsoleAsync(Cluster.GatewayB, "demo", "anna", ClusterNodes.DemoPassword);
        var ivan = new TelegramUser(777_001, "Ivan");

        Assert.Equal(HttpStatusCode.OK, await telegram.SendTextAsync(ivan, "Есть ли доставка в субботу?"));
        var conversationId = await AssignedAsync(console);
        Assert.EndsWith("has joined the chat.", (await telegram.NextMessageAsync(ClusterChat.Failover)).Text);

        const string reply = "Да, с 10 до 18.";
        telegram.AnswerNextTooManyRequests(RetryAfterSeconds, r => FakeTelegram.ReadMessage(r)?.Text.EndsWith(reply, StringComparison.Ordinal) == true);
        await Wire.SendUntilAckedAsync(console, new { type = "message", conversationId, id = "tg-reply", text = reply }, "tg-reply");
        Assert.EndsWith(reply, (await telegram.NextMessageAsync(ClusterChat.Failover)).Text);
        var outbox = Cluster.Observer.Client.GetGrain<IChannelOutboxGrain>(GrainKeys.Outbox("demo", conversationId));
        var outboxSilo = await Cluster.Observer.SiloPortOfAsync(outbox);
        await Cluster.SiloAt(outboxSilo).Process.KillAsync();
        var killed = System.Diagnostics.Stopwatch.StartNew();

        var delivered = await console.SeenAsync(IsDelivery(conversationId, "tg-reply"), "the reply's delivery after the silo died", OutboxFailover);
        output.WriteLine($"The outbox's silo died during Telegram's retry_after; the reply was sent from the other silo after {killed.Elapsed.TotalSeconds:F1} s.");
        Assert.Equal("sent", delivered.Str("status"));
        Assert.Equal([$"Anna: {reply}"], telegram.Shown.Where(m => m.Text.EndsWith(reply, StringComparison.Ordinal)).Select(m => m.Text));

        // Gateway A dies just after answering an update; Telegram, which may not have seen that answer, delivers it
        // again through the other gateway: the operator sees it once, and the reply to it still leaves once.
        Assert.Equal(HttpStatusCode.OK, await telegram.SendTextAsync(ivan, "А в воскресенье?"));
        await Cluster.GatewayA.Process.KillAsync();
        telegram.Gateway = Cluster.GatewayB.Http;
        Assert.Equal(HttpStatusCode.OK, await telegram.RedeliverLastAsync());
        await console.SeenAsync(f => f.Str("type") == "message" && f.Str("from") == "visitor" && f.Str("text") == "А в воскресенье?",
            "the update answered by the dying gateway", ClusterChat.Failover);
        await Wire.SendUntilAckedAsync(console, new { type = "message", conversationId, id = "tg-sunday", text = "В воскресенье нет." }, "tg-sunday");
        await console.SeenAsync(IsDelivery(conversationId, "tg-sunday"), "the second reply's delivery", ClusterChat.Failover);

        var visitorTexts = (await TranscriptAsync(conversationId)).Where(e => e.Str("type") == "message" && e.Str("from") == "visitor").Select(e => e.Str("text"));
        Assert.Equal(["Есть ли доставка в субботу?", "А в воскресенье?"], visitorTexts);
        Assert.Single(telegram.Shown, m => m.Text == "Anna: В воскресенье нет.");
    }

    [Fact]
    public async Task A_vk_reply_taken_by_vk_when_its_outbox_silo_dies_is_sent_again_with_the_same_random_id_and_shown_once()
    {
        await using var vk = await FakeVk.StartAsync(Cluster.GatewayA.Http, "demo", 77, "vk-cluster-secret");
        await ConfigureAsync(ChannelNames.Vk, vk.ChannelSettings);
        await using var console = await ClusterChat.OnlineConsoleAsync(Cluster.GatewayB, "demo", "anna", ClusterNodes.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, await vk.SendTextAsync(9001, "Привет! Есть размер M?"));
        var conversationId = await AssignedAsync(console);
        await vk.Api.NextRequestAsync(ClusterChat.Failover);

        const string reply = "Есть, и L тоже.";
        var neverAnswered = new TaskCompletionSource();
        vk.Api.HoldNext(r => FakeVk.ReadMessage(r)?.Text.EndsWith(reply, StringComparison.Ordinal) == true, neverAnswered.Task);
        await Wire.SendUntilAckedAsync(console, new { type = "message", conversationId, id = "vk-reply", text = reply }, "vk-reply");
        var first = await vk.Api.NextRequestAsync(ClusterChat.Failover);
        var outbox = Cluster.Observer.Client.GetGrain<IChannelOutboxGrain>(GrainKeys.Outbox("demo", conversationId));
        await Cluster.SiloAt(await Cluster.Observer.SiloPortOfAsync(outbox)).Process.KillAsync();

        var delivered = await console.SeenAsync(IsDelivery(conversationId, "vk-reply"), "the reply's delivery after the silo died", OutboxFailover);
        var second = await vk.Api.NextRequestAsync(Waits.Signal);
        neverAnswered.TrySetResult();

        Assert.Equal("sent", delivered.Str("status"));
        Assert.EndsWith(reply, FakeVk.ReadMessage(first)!.Text);
        Assert.Equal((FakeVk.ReadMessage(first)!.ChatId, FakeVk.ReadMessage(first)!.Text), (FakeVk.ReadMessage(second)!.ChatId, FakeVk.ReadMessage(second)!.Text));
        Assert.Equal(FakeVk.RandomId(first), FakeVk.RandomId(second));
        Assert.Single(vk.Shown, m => m.Text.EndsWith(reply, StringComparison.Ordinal));
    }

    private static Func<JsonElement, bool> IsDelivery(string conversationId, string messageId) => f =>
        f.Str("type") == "delivery" && f.Str("conversationId") == conversationId && f.Str("messageId") == messageId;

    private static async Task<string> AssignedAsync(TestSocket console) =>
        (await console.SeenAsync(f => f.Str("type") == "assigned" && f.TryGetProperty("transcript", out _), "the messenger chat assigned to anna", ClusterChat.Failover))
            .Str("conversationId");

    private async Task ConfigureAsync(string channel, object settings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/demo/channels/{channel}") { Content = JsonContent.Create(settings) };
        request.Headers.Authorization = new("Bearer", await Cluster.GatewayA.LoginAsync("demo", "olga", ClusterNodes.DemoPassword));
        using var response = await Cluster.GatewayA.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<List<JsonElement>> TranscriptAsync(string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/demo/conversations/{conversationId}");
        request.Headers.Authorization = new("Bearer", await Cluster.GatewayB.LoginAsync("demo", "olga", ClusterNodes.DemoPassword));
        using var response = await Cluster.GatewayB.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray()];
    }
}
