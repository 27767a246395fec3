using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// The standalone gateway hosts the grains and the sockets in one process: a conversation's stored events reach the
/// node's hub by a direct call, not by an Orleans message to an object in the same process (issue 16's hot path).
/// </summary>
public sealed class LocalPushTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly CountedCalls _calls = new();
    private readonly GatewayHost _host;

    public LocalPushTests() =>
        _host = new GatewayHost(_data.Path, services: services => services.AddSingleton<IOutgoingGrainCallFilter>(_calls));

    [Fact]
    public async Task Stored_events_reach_the_sockets_without_a_push_message_while_signals_still_go_as_messages()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(_host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(_host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "hello" });
        var conversationId = (await anna.ExpectAsync("assigned")).Str("conversationId");

        await visitor.SendAsync(new { type = "message", id = "m1", text = "is the blue one in stock?" });
        await anna.ExpectAsync("message", f => f.Str("text") == "is the blue one in stock?");
        await anna.SendAsync(new { type = "message", conversationId, id = "r1", text = "it is" });
        await visitor.ExpectAsync("message", f => f.Str("text") == "it is");
        await visitor.SendAsync(new { type = "typing", draft = "great" });
        await anna.ExpectAsync("visitor_typing");

        Assert.Equal(0, _calls.Count("OnEvent"));
        Assert.True(_calls.Count("OnSignal") > 0, "the filter sees pushes that go as messages");
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }

    private sealed class CountedCalls : IOutgoingGrainCallFilter
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Count(string method) => _counts.GetValueOrDefault(method);

        public Task Invoke(IOutgoingGrainCallContext context)
        {
            _counts.AddOrUpdate(context.MethodName, 1, static (_, count) => count + 1);
            return context.Invoke();
        }
    }
}
