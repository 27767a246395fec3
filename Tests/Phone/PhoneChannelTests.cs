using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>
/// The phone channel stored with the site (PUT /api/sites/{site}/channels/phone) wins over configuration, and with a
/// commandUrl the call rings in the console: the operator's accept reaches the PBX as a signed pushed command.
/// </summary>
public sealed class PhoneChannelTests(PhoneGatewayFixture fixture) : IClassFixture<PhoneGatewayFixture>
{
    private const string SiteSecret = "the-sites-own-phone-secret";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_sites_stored_channel_wins_over_configuration_is_listed_masked_and_switched_off_refuses_every_event()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");

        var missing = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/phone", supervisor, new { commandUrl = "ftp://pbx" });
        var stored = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/phone", supervisor,
            new { signingSecret = SiteSecret, commandUrl = "https://pbx.example/commands", renderSpeech = true });
        var listed = (await (await Send(HttpMethod.Get, $"/api/sites/{site}/channels", supervisor)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Single(c => c.Str("channel") == "phone");
        using var withConfigured = await new FakePbx(Host, site).PostAsync(new FakePbx(Host, site).Event("s-1", "call.offered"), null);
        var sitePbx = new FakePbx(Host, site, SiteSecret);
        using var withStored = await sitePbx.PostAsync(sitePbx.Event("s-2", "call.offered"), null);
        var switchedOff = await Send(HttpMethod.Delete, $"/api/sites/{site}/channels/phone", supervisor);
        using var afterOff = await sitePbx.PostAsync(sitePbx.Event("s-3", "call.offered"), null);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problems = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(problems.TryGetProperty("signingSecret", out _) && problems.TryGetProperty("commandUrl", out _));
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Equal(("…cret", "https://pbx.example/commands", true), (listed.Str("signingSecret"), listed.Str("commandUrl"), listed.GetProperty("renderSpeech").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, withConfigured.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withStored.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, switchedOff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterOff.StatusCode);
    }

    [Fact]
    public async Task A_call_rings_in_the_console_with_the_callers_number_and_accepting_pushes_a_signed_connect_to_the_pbx()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync(fixture.Logs);
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var configured = await Send(HttpMethod.Put, $"/api/sites/{site}/channels/phone", await Host.LoginAsync(site, "sup"),
            new { signingSecret = SiteSecret, commandUrl = pbxCommands.Url });
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var pbx = new FakePbx(Host, site, SiteSecret);

        var offered = await pbx.SendAsync("k-1", "call.offered");
        var assigned = await anna.ExpectAsync("assigned");
        var conversationId = assigned.Str("conversationId");
        await anna.SendAsync(new { type = "accept_call", conversationId });
        var (body, signature) = await pbxCommands.NextAsync(Waits.Signal);
        var answered = await anna.ExpectAsync("call", f => f.Str("status") == "answered");

        Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
        Assert.Equal(["answer", "say", "enqueue"], offered.Select(c => c.Str("type")));
        var ringing = assigned.GetProperty("transcript").EnumerateArray().Single(e => e.Str("type") == "call");
        Assert.Equal(("offered", FakePbx.Caller), (ringing.Str("status"), ringing.Str("phone")));
        var pushed = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("commands", "k-1"), (pushed.Str("type"), pushed.Str("callId")));
        var connect = Assert.Single(pushed.GetProperty("commands").EnumerateArray().ToArray());
        Assert.Equal(("connect", "anna"), (connect.Str("type"), connect.GetProperty("operator").Str("id")));
        Assert.Equal(FakePbx.Sign(body, SiteSecret), signature);
        Assert.Equal(("anna", "Anna"), (answered.Str("operatorId"), answered.Str("author")));
    }

    [Fact]
    public async Task Declining_a_call_that_is_not_ringing_is_an_error_frame_and_changes_nothing()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var chat = (await anna.ExpectAsync("assigned")).Str("conversationId");

        await anna.SendAsync(new { type = "decline_call", conversationId = chat });
        var error = await anna.ExpectAsync("error");

        Assert.Equal("bad_request", error.Str("code"));
        await anna.SendAsync(new { type = "message", id = "o-1", conversationId = chat, text = "Still mine" });
        await anna.ExpectAsync("ack");
    }

    [Fact]
    public async Task An_accept_the_pbx_does_not_take_is_an_unavailable_error_with_a_log_line_and_the_call_still_rings()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        await Send(HttpMethod.Put, $"/api/sites/{site}/channels/phone", await Host.LoginAsync(site, "sup"),
            new { signingSecret = SiteSecret, commandUrl = $"http://127.0.0.1:{closedPort}/commands" });
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var pbx = new FakePbx(Host, site, SiteSecret);
        await pbx.SendAsync("k-2", "call.offered");
        var conversationId = (await anna.ExpectAsync("assigned")).Str("conversationId");

        await anna.SendAsync(new { type = "accept_call", conversationId });
        var error = await anna.ExpectAsync("error");

        Assert.Equal("unavailable", error.Str("code"));
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("Commands for call k-2") && e.Contains("The PBX could not be reached"));
        var snapshot = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId)).GetSnapshot(Actor.System(site));
        Assert.Equal(("assigned", "k-2"), (snapshot.Status, snapshot.WaitingCallId));
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
