using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Stopping_and_starting_the_product_keeps_the_conversation_its_transcript_and_the_tokens()
    {
        using var data = new TempDirectory();
        string site, visitorId, visitorToken, conversationId;
        using (var first = new GatewayHost(data.Path))
        {
            site = await TestSites.CreateAsync(first.Grains, ("anna", 4, ["general"]));
            var (anna, _) = await ChatPeers.OnlineOperatorAsync(first, site, "anna");
            var (visitor, welcome) = await ChatPeers.VisitorAsync(first, site);
            visitorId = welcome.Str("visitorId");
            visitorToken = welcome.Str("visitorToken");
            await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Will it survive a restart?" });
            conversationId = (await visitor.ExpectAsync("ack")).Str("conversationId");
            await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
            await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "It will." });
            await anna.ExpectAsync("ack", f => f.Str("id") == "a1");
            await visitor.DisposeAsync();
            await anna.DisposeAsync();
        }

        using var second = new GatewayHost(data.Path);
        var (back, resumed) = await ChatPeers.VisitorAsync(second, site, new
        {
            type = "hello", visitorToken, resume = new { conversationId, lastSeq = 0 },
        });
        var replay = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            replay.Add(await back.NextAsync());
        }
        var (anna2, operatorWelcome) = await ChatPeers.OnlineOperatorAsync(second, site, "anna");
        await back.SendAsync(new { type = "message", id = "v2", text = "Great" });
        var continued = await anna2.ExpectAsync("message", f => f.Str("id") == "v2");

        Assert.Equal(visitorId, resumed.Str("visitorId"));
        Assert.Equal(["started", "message", "assigned", "message"], replay.Select(f => f.Str("type")));
        Assert.Equal("It will.", replay[3].Str("text"));
        Assert.Equal(conversationId, operatorWelcome.GetProperty("conversations")[0].Str("id"));
        Assert.Equal(5, continued.Seq());
        await back.DisposeAsync();
        await anna2.DisposeAsync();
    }
}
