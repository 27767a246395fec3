using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>An operator's call back of a caller's callback: an originate to the PBX, whose events land on the conversation.</summary>
public sealed class CallBackTests(PhoneGatewayFixture fixture) : IClassFixture<PhoneGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task An_operator_calls_back_through_a_signed_originate_and_the_call_is_recorded_on_the_conversation()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync(fixture.Logs);
        var (site, conversationId) = await CallbackWaitingAsync(pbxCommands.Url);
        var token = await Host.LoginAsync(site, "anna");

        using var started = await CallBackAsync(site, conversationId, token);
        var (body, signature) = await pbxCommands.NextAsync(Waits.Signal);
        var originate = JsonDocument.Parse(body).RootElement;
        var callId = originate.Str("callId");
        var pbx = new FakePbx(Host, site);
        await pbx.SendAsync(callId, "call.answered");
        await pbx.SendAsync(callId, "call.ended", new { reason = "completed", durationSeconds = 65 });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("originate", originate.Str("type"));
        Assert.Equal(FakePbx.Caller, originate.Str("to"));
        Assert.Equal(FakePbx.Sign(body), signature);
        var calls = (await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .GetEvents(Actor.System(site), 0, 100)).Where(e => e.Type == EventTypes.Call && e.CallId == callId).ToList();
        Assert.Equal([CallStates.Answered, CallStates.Ended], calls.Select(c => c.Status));
        var figures = await Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();
        Assert.Equal(0, figures.CallbacksPending);
    }

    [Fact]
    public async Task A_command_url_that_does_not_answer_is_a_502_with_a_log_line()
    {
        var (site, conversationId) = await CallbackWaitingAsync($"http://127.0.0.1:{ClosedPort()}/commands");
        var token = await Host.LoginAsync(site, "anna");

        using var response = await CallBackAsync(site, conversationId, token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("not started: The PBX could not be reached") && e.Contains(site));
    }

    /// <summary>A caller who found nobody free and pressed 2, on a site whose PBX takes commands at <paramref name="commandUrl"/>.</summary>
    private async Task<(string Site, string ConversationId)> CallbackWaitingAsync(string commandUrl)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        // The configuration's fallback for a site without a stored phone channel (PhoneChannelSettings), set at run time.
        Host.Services.GetRequiredService<IConfiguration>()[$"Phone:Sites:{site}:CommandUrl"] = commandUrl;
        var pbx = new FakePbx(Host, site);
        await pbx.SendAsync("c-in", "call.offered");
        await pbx.SendAsync("c-in", "input.dtmf", new { digits = "2" });
        var waiting = Assert.Single((await Host.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot()).Waiting);
        return (site, waiting.ConversationId);
    }

    private Task<HttpResponseMessage> CallBackAsync(string site, string conversationId, string token) =>
        Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/conversations/{conversationId}/call-back")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        });

    /// <summary>A loopback port nothing listens on: bound, read, and let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
