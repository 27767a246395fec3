using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Gateway.Channels;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// A webhook was answered before the core took its message: a call the cluster loses is tried again, and stored once;
/// and while one person's message is being tried again, other people's messages go on.
/// </summary>
public sealed class InboundRetryTests
{
    private const string Secret = "tg-secret_retry";

    [Fact]
    public async Task A_messenger_message_whose_delivery_into_the_cluster_is_refused_twice_still_reaches_the_operator_once()
    {
        using var data = new TempDirectory();
        var lost = new LostAnswers();
        using var host = new GatewayHost(data.Path, services: services => services.AddSingleton<IIncomingGrainCallFilter>(lost));
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        using (var configure = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/telegram")
        {
            Content = JsonContent.Create(new { botToken = "1:b", webhookSecret = Secret }),
        })
        {
            configure.Headers.Authorization = new("Bearer", await host.LoginAsync(site, "sup"));
            Assert.Equal(HttpStatusCode.NoContent, (await host.Http.SendAsync(configure)).StatusCode);
        }
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        lost.RefuseNext("StartChat", site, times: 2);

        using var update = new HttpRequestMessage(HttpMethod.Post, $"/hooks/telegram/{site}")
        {
            Content = JsonContent.Create(new
            {
                update_id = 5,
                message = new
                {
                    message_id = 5, date = 0, chat = new { id = 11, type = "private" },
                    from = new { id = 11, is_bot = false, first_name = "Olga" }, text = "Still there?",
                },
            }),
        };
        update.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(update)).StatusCode);
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));

        Assert.Equal(2, lost.Lost);
        Assert.Single(assigned.GetProperty("transcript").EnumerateArray(), e => e.TryGetProperty("text", out var t) && t.GetString() == "Still there?");
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task While_one_persons_message_is_tried_again_another_persons_message_reaches_its_operator()
    {
        using var data = new TempDirectory();
        var lost = new LostAnswers();
        using var host = new GatewayHost(data.Path, services: services => services.AddSingleton<IIncomingGrainCallFilter>(lost));
        var slowSite = await TelegramSiteAsync(host);
        var site = await TelegramSiteAsync(host);
        var (waiting, _) = await ChatPeers.OnlineOperatorAsync(host, slowSite, "anna");
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        // The second person in another lane than the first, so only the lanes' side-by-side running can let them pass.
        var other = Enumerable.Range(12, 100).First(id =>
            InboundDrain.LaneOf(site, "telegram", id.ToString(CultureInfo.InvariantCulture)) != InboundDrain.LaneOf(slowSite, "telegram", "11"));
        lost.RefuseNext("StartChat", slowSite, times: 3);

        await PostUpdateAsync(host, slowSite, updateId: 7, userId: 11, "Where is my order?");
        await PostUpdateAsync(host, site, updateId: 8, userId: other, "Do you have it in blue?");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));

        // The first person's message is still between its retries (1 + 2 + 4 s of back-off): it has not reached its operator.
        Assert.DoesNotContain(waiting.Received, f => f.Str("type") == "assigned");
        await waiting.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        Assert.Equal(3, lost.Lost);
        await waiting.DisposeAsync();
        await anna.DisposeAsync();
    }

    private static async Task<string> TelegramSiteAsync(GatewayHost host)
    {
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        using var configure = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/telegram")
        {
            Content = JsonContent.Create(new { botToken = "1:b", webhookSecret = Secret }),
        };
        configure.Headers.Authorization = new("Bearer", await host.LoginAsync(site, "sup"));
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.SendAsync(configure)).StatusCode);
        return site;
    }

    private static async Task PostUpdateAsync(GatewayHost host, string site, int updateId, int userId, string text)
    {
        using var update = new HttpRequestMessage(HttpMethod.Post, $"/hooks/telegram/{site}")
        {
            Content = JsonContent.Create(new
            {
                update_id = updateId,
                message = new
                {
                    message_id = updateId, date = 0, chat = new { id = userId, type = "private" },
                    from = new { id = userId, is_bot = false, first_name = "Olga" }, text,
                },
            }),
        };
        update.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(update)).StatusCode);
    }
}
