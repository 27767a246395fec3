using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Phone.Ari;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>
/// A call an operator transfers moves on the PBX too: to another operator, the PBX is told to <c>connect</c> the caller
/// to them; to a queue, to hold the caller there until that queue's operator accepts, whose Accept then connects them.
/// </summary>
public sealed class PhoneTransferTests(PhoneGatewayFixture fixture) : IClassFixture<PhoneGatewayFixture>
{
    private const string SiteSecret = "transfer-phone-secret";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_call_transferred_to_another_operator_is_connected_to_them_on_the_pbx()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync(fixture.Logs);
        var (site, anna, boris) = await TwoOperatorsAsync(pbxCommands.Url);
        var conversationId = await AcceptedByAnnaAsync(site, anna, pbxCommands, "t-1");

        await anna.SendAsync(new { type = "transfer", conversationId, toOperator = "boris" });
        await boris.ExpectAsync("assigned");
        var (body, signature) = await pbxCommands.NextAsync(Waits.Signal);

        Assert.Equal([("connect", "boris")], Commands(body, "t-1").Select(c => (c.Str("type"), c.GetProperty("operator").Str("id"))));
        Assert.Equal(FakePbx.Sign(body, SiteSecret), signature);
    }

    [Fact]
    public async Task A_call_transferred_to_a_queue_is_held_there_rings_its_operator_and_their_accept_connects_it()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync(fixture.Logs);
        var (site, anna, boris) = await TwoOperatorsAsync(pbxCommands.Url);
        var conversationId = await AcceptedByAnnaAsync(site, anna, pbxCommands, "t-2");

        await anna.SendAsync(new { type = "transfer", conversationId, toQueue = "stylist" });
        var (held, _) = await pbxCommands.NextAsync(Waits.Signal);
        var ringing = await boris.ExpectAsync("assigned");
        await boris.SendAsync(new { type = "accept_call", conversationId });
        var (connected, _) = await pbxCommands.NextAsync(Waits.Signal);
        var answered = await boris.ExpectAsync("call", f => f.Str("status") == "answered");

        Assert.Equal(["say", "enqueue"], Commands(held, "t-2").Select(c => c.Str("type")));
        Assert.Equal("stylist", Commands(held, "t-2")[1].Str("queue"));
        Assert.Equal("offered", ringing.GetProperty("transcript").EnumerateArray().Last(e => e.Str("type") == "call").Str("status"));
        Assert.Equal([("connect", "boris")], Commands(connected, "t-2").Select(c => (c.Str("type"), c.GetProperty("operator").Str("id"))));
        Assert.Equal("boris", answered.Str("operatorId"));
        var figures = await Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();
        Assert.Equal(1, figures.Answered);
    }

    [Fact]
    public async Task A_call_transferred_while_it_waits_moves_to_the_new_queues_figures_and_is_answered_or_abandoned_there()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync(fixture.Logs);
        var (site, anna, boris) = await TwoOperatorsAsync(pbxCommands.Url);
        var pbx = new FakePbx(Host, site, SiteSecret);
        await pbx.SendAsync("t-3", PhoneEventTypes.Offered);
        var answeredThere = (await anna.ExpectAsync("assigned")).Str("conversationId");
        var ringing = (await Figures(site, "general"), await Figures(site, "stylist"));

        await anna.SendAsync(new { type = "transfer", conversationId = answeredThere, toQueue = "stylist" });
        await pbxCommands.NextAsync(Waits.Signal);
        await boris.ExpectAsync("assigned");
        var moved = (await Figures(site, "general"), await Figures(site, "stylist"));
        await boris.SendAsync(new { type = "accept_call", conversationId = answeredThere });
        await pbxCommands.NextAsync(Waits.Signal);
        await boris.ExpectAsync("call", f => f.Str("status") == "answered");
        var answered = (await Figures(site, "general"), await Figures(site, "stylist"));
        // Boris's seat is taken by that call: the next one transferred to his queue waits there, and its caller gives up.
        await pbx.SendAsync(pbx.Event("t-4", PhoneEventTypes.Offered, from: "+79005550004"));
        var abandonedThere = (await anna.ExpectAsync("assigned")).Str("conversationId");
        await anna.SendAsync(new { type = "transfer", conversationId = abandonedThere, toQueue = "stylist" });
        await pbxCommands.NextAsync(Waits.Signal);
        await pbx.SendAsync(pbx.Event("t-4", PhoneEventTypes.Ended, new { reason = "completed", durationSeconds = 20 }, from: "+79005550004"));
        var abandoned = (await Figures(site, "general"), await Figures(site, "stylist"));

        Assert.Equal((1, 0), (ringing.Item1.WaitingCallers, ringing.Item2.WaitingCallers));
        Assert.Equal((0, 1), (moved.Item1.WaitingCallers, moved.Item2.WaitingCallers));
        Assert.Equal((0, 0, 0, 1), (answered.Item1.WaitingCallers, answered.Item1.Answered, answered.Item2.WaitingCallers, answered.Item2.Answered));
        Assert.Equal((0, 0, 0, 1), (abandoned.Item1.WaitingCallers, abandoned.Item1.Abandoned, abandoned.Item2.WaitingCallers, abandoned.Item2.Abandoned));
    }

    [Fact]
    public async Task A_call_answered_then_transferred_to_a_queue_waits_in_its_figures_and_stays_answered_in_the_first()
    {
        await using var pbxCommands = await FakeCommandReceiver.StartAsync(fixture.Logs);
        var (site, anna, boris) = await TwoOperatorsAsync(pbxCommands.Url);
        var conversationId = await AcceptedByAnnaAsync(site, anna, pbxCommands, "t-5");

        await anna.SendAsync(new { type = "transfer", conversationId, toQueue = "stylist" });
        await pbxCommands.NextAsync(Waits.Signal);
        // Counted waiting once the PBX took the hold, after the push: asked until it shows.
        await AriGatewayFixture.UntilAsync(async () => (await Figures(site, "stylist")).WaitingCallers == 1, "the caller waiting in the stylist queue's figures");
        await boris.ExpectAsync("assigned");
        await boris.SendAsync(new { type = "accept_call", conversationId });
        await boris.ExpectAsync("call", f => f.Str("status") == "answered");
        var (general, stylist) = (await Figures(site, "general"), await Figures(site, "stylist"));

        Assert.Equal((1, 0), (general.Answered, general.WaitingCallers));
        Assert.Equal((0, 0), (stylist.Answered, stylist.WaitingCallers));
    }

    private Task<CallFigures> Figures(string site, string queue) =>
        Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, queue)).GetFigures();

    /// <summary>Anna takes the general queue, Boris the stylist queue; both online, on a site whose PBX takes commands.</summary>
    private async Task<(string Site, TestSocket Anna, TestSocket Boris)> TwoOperatorsAsync(string commandUrl)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]), ("boris", 2, ["stylist"]));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/phone")
        {
            Content = JsonContent.Create(new { signingSecret = SiteSecret, commandUrl }),
        };
        request.Headers.Authorization = new("Bearer", await Host.LoginAsync(site, "sup"));
        (await Host.Http.SendAsync(request)).EnsureSuccessStatusCode();
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        return (site, anna, boris);
    }

    /// <summary>A call rings at Anna's console and she accepts it: the PBX has been told to connect it to her.</summary>
    private async Task<string> AcceptedByAnnaAsync(string site, TestSocket anna, FakeCommandReceiver pbxCommands, string callId)
    {
        await new FakePbx(Host, site, SiteSecret).SendAsync(callId, PhoneEventTypes.Offered);
        var conversationId = (await anna.ExpectAsync("assigned")).Str("conversationId");
        await anna.SendAsync(new { type = "accept_call", conversationId });
        var (body, _) = await pbxCommands.NextAsync(Waits.Signal);
        Assert.Equal("anna", Commands(body, callId).Single().GetProperty("operator").Str("id"));
        await anna.ExpectAsync("call", f => f.Str("status") == "answered");
        return conversationId;
    }

    private static JsonElement[] Commands(string pushed, string callId)
    {
        var root = JsonDocument.Parse(pushed).RootElement;
        Assert.Equal(("commands", callId), (root.Str("type"), root.Str("callId")));
        return [.. root.GetProperty("commands").EnumerateArray()];
    }
}
