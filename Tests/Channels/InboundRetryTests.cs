using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>A webhook was answered before the core took its message: a call the cluster loses is tried again, and stored once.</summary>
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
}
