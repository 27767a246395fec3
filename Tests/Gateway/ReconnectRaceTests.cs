using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// A page reload: the old socket's last word to the conversation (unsubscribe) and the new socket's first (subscribe)
/// race, and the network may deliver them the wrong way round. The new socket must still get every live event.
/// </summary>
public sealed class ReconnectRaceTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly HeldCalls _held = new();
    private readonly GatewayHost _host;

    public ReconnectRaceTests() =>
        _host = new GatewayHost(_data.Path, services: services => services.AddSingleton<IOutgoingGrainCallFilter>(_held));

    [Fact]
    public async Task A_visitor_whose_new_socket_subscribed_before_the_old_one_unsubscribed_still_gets_live_events()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var (first, welcome) = await ChatPeers.VisitorAsync(_host, site);
        await first.SendAsync(new { type = "start_chat", id = "s1", text = "one" });
        var ack = await first.ExpectAsync("ack");
        var conversationId = ack.Str("conversationId");
        var unsubscribe = _held.HoldNext("Unsubscribe", site);

        await first.DisposeAsync();
        await unsubscribe.Reached.Task.WaitAsync(Waits.Signal);
        var (second, _) = await ChatPeers.VisitorAsync(_host, site, new
        {
            type = "hello", visitorToken = welcome.Str("visitorToken"), resume = new { conversationId, lastSeq = ack.Seq() },
        });
        unsubscribe.Release();
        await unsubscribe.Done.Task.WaitAsync(Waits.Signal);

        await second.SendAsync(new { type = "message", id = "after", text = "still there?" });
        await second.ExpectAsync("message", f => f.TryGetProperty("id", out var id) && id.GetString() == "after");
        await second.DisposeAsync();
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
