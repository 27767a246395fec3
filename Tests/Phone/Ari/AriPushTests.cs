using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Calls;
using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>
/// What the product decides for an ARI call between Asterisk's events (a transfer, an Accept of a caller who waited, a
/// decline) is pushed from the call's grain to the gateway holding the ARI connection and carried out as ARI REST.
/// </summary>
public sealed class AriPushTests(AriGatewayFixture fixture) : IClassFixture<AriGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_call_transferred_to_another_operator_hangs_up_the_first_operators_phone_and_rings_the_new_ones()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]), ("boris", 2, ["stylist"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var (channel, conversationId) = await AriScenes.TalkingToAnnaAsync(ari, anna);

        var before = ari.Requests.Count;
        await anna.SendAsync(new { type = "transfer", conversationId, toOperator = "boris" });
        await boris.ExpectAsync("assigned");
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels"), before, "boris's phone rung");
        await ari.PickUpAsync($"op-{channel}-2");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/bridges/br-{channel}/addChannel") && r["channel"] == $"op-{channel}-2", before, "boris put in the bridge");

        Assert.Contains(ari.Requests.Skip(before), r => r.Is("DELETE", $"/ari/channels/op-{channel}"));
        Assert.Equal(("PJSIP/boris", $"op-{channel}-2"), (ring["endpoint"], ring["channelId"]));
        Assert.True(ari.Has(channel), "the caller stays on the line while the first operator's phone is hung up");
        Assert.DoesNotContain(ari.Requests, r => r.Is("DELETE", $"/ari/channels/{channel}"));
        Assert.DoesNotContain(ari.Requests, r => r.Path.EndsWith("/record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_transferred_to_a_queue_is_held_out_of_the_bridge_and_the_queues_operator_accepting_it_is_bridged_in()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]), ("boris", 2, ["stylist"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var (channel, conversationId) = await AriScenes.TalkingToAnnaAsync(ari, anna);

        var before = ari.Requests.Count;
        await anna.SendAsync(new { type = "transfer", conversationId, toQueue = "stylist" });
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), before, "the caller held for the stylist queue");
        var held = ari.Requests.Count;
        await boris.ExpectAsync("assigned");
        await boris.SendAsync(new { type = "accept_call", conversationId });
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels"), held, "boris's phone rung");
        await boris.ExpectAsync("call", f => f.Str("status") == "answered");

        Assert.Equal(
            [("POST", $"/ari/channels/{channel}/play"), ("DELETE", $"/ari/channels/op-{channel}"), ("POST", $"/ari/bridges/br-{channel}/removeChannel"), ("POST", $"/ari/channels/{channel}/moh")],
            ari.Requests.Skip(before).Take(held - before).Select(r => (r.Method, r.Path)));
        Assert.Equal(
            [("DELETE", $"/ari/channels/{channel}/moh"), ("POST", $"/ari/bridges/br-{channel}/addChannel"), ("POST", "/ari/channels")],
            ari.Requests.Skip(held).Take(3).Select(r => (r.Method, r.Path)));
        Assert.Equal(("PJSIP/boris", $"op-{channel}-2"), (ring["endpoint"], ring["channelId"]));
    }

    [Fact]
    public async Task A_caller_who_pressed_0_waits_on_hold_and_the_operator_who_comes_online_and_accepts_is_bridged_in()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        var channel = await ari.CallInAsync(FakePbx.Caller);
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/play"), 0, "the menu");
        await ari.PressAsync(channel, "0");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), 0, "the caller held in the queue");

        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var ringing = await anna.ExpectAsync("assigned");
        var held = ari.Requests.Count;
        await anna.SendAsync(new { type = "accept_call", conversationId = ringing.Str("conversationId") });
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels"), held, "anna's phone rung");

        Assert.Equal(
            [("DELETE", $"/ari/channels/{channel}/moh"), ("POST", "/ari/bridges"), ("POST", $"/ari/bridges/br-{channel}/addChannel"), ("POST", "/ari/channels")],
            ari.Requests.Skip(held).Take(4).Select(r => (r.Method, r.Path)));
        Assert.Equal(("PJSIP/anna", $"op-{channel}"), (ring["endpoint"], ring["channelId"]));
    }

    [Fact]
    public async Task A_declined_call_with_nobody_else_free_hears_the_menu_off_hold_and_can_leave_a_callback()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var channel = await ari.CallInAsync(FakePbx.Caller);
        var ringing = await anna.ExpectAsync("assigned");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), 0, "the caller held while the console rings");
        var held = ari.Requests.Count;

        await anna.SendAsync(new { type = "decline_call", conversationId = ringing.Str("conversationId") });
        var menu = await ari.WaitForManyAsync(r => r.Is("POST", $"/ari/channels/{channel}/play"), 2, held, "the menu after the decline");
        await ari.PressAsync(channel, "2");
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/channels/{channel}"), held, "the caller let go after leaving a callback");

        Assert.True(ari.Requests[held].Is("DELETE", $"/ari/channels/{channel}/moh"), $"expected the hold stopped first, not {ari.Requests[held]}");
        Assert.Equal([Media(PhoneTexts.NobodyAnswered("en")), Media(PhoneTexts.MenuAgain("en"))], menu.Select(r => r["media"]));
        var figures = await Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();
        Assert.Equal(1, figures.CallbacksPending);
    }

    [Fact]
    public async Task A_push_for_a_call_the_ari_gateway_does_not_know_is_refused_with_a_log_line()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        var line = Host.Grains.GetGrain<IAriLineGrain>(GrainKeys.AriLine(site));

        await AriGatewayFixture.UntilAsync(async () => await line.Push("1733399999.1", [PhoneCommand.Hangup]) is false
            && fixture.Logs.Entries.Any(e => e.Contains("1733399999.1") && e.Contains("not taken")), "the unknown call's push refused and logged");

        Assert.DoesNotContain(ari.Requests, r => r.Path.Contains("1733399999.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_put_through_before_Asterisk_restarted_goes_on_and_is_still_transferred_after()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]), ("boris", 2, ["stylist"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var (channel, conversationId) = await AriScenes.TalkingToAnnaAsync(ari, anna);
        var pausesBefore = fixture.Clock.Count(AriConnection.FirstPause);

        ari.Down = true;
        await ari.DropAsync();
        await ari.WaitForRefusalsAsync(1);
        ari.Down = false;
        await fixture.Clock.WaitForTimerAsync(AriConnection.FirstPause, pausesBefore + 1);
        var beforeReconnect = ari.Requests.Count;
        fixture.Clock.Advance(AriConnection.FirstPause);
        await ari.WaitForConnectionsAsync(2);
        await ari.WaitForAsync(r => r.Is("GET", "/ari/channels"), beforeReconnect, "the channels listed after the reconnect");
        await anna.SendAsync(new { type = "transfer", conversationId, toOperator = "boris" });
        await boris.ExpectAsync("assigned");
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == $"op-{channel}-2", beforeReconnect, "boris's phone rung after the restart");

        Assert.Equal("PJSIP/boris", ring["endpoint"]);
        Assert.True(ari.Has(channel), "the caller is still on the line");
        Assert.DoesNotContain(ari.Requests, r => r.Is("DELETE", $"/ari/channels/{channel}"));
        var call = (await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId)).GetEvents(Actor.System(site), 0, 100))
            .Where(e => e.Type == EventTypes.Call).Select(e => e.Status);
        Assert.DoesNotContain(CallStates.Ended, call);
    }

    private string Media(string text) => new Uri(Host.BaseAddress, $"phone/speech/{PromptSpeech.KeyOf(text, "en")}.wav").ToString();
}
