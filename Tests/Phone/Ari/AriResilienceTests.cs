using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Calls;
using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>An Asterisk that restarts, replays, forgets channels or answers errors: logged, and no call loses its state.</summary>
public sealed class AriResilienceTests(AriGatewayFixture fixture) : IClassFixture<AriGatewayFixture>
{
    private static readonly TimeSpan MenuWait = TimeSpan.FromSeconds(CallMenu.GatherSeconds);

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Asterisk_restarting_mid_call_loses_nothing_and_a_replayed_event_is_not_acted_on_twice()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        ari.FinishPlaybacks = false;
        var staying = await ari.CallInAsync(FakePbx.Caller);
        await PlaysAsync(ari, staying, 1, 0);
        var leaving = await ari.CallInAsync("+79005550002");
        await PlaysAsync(ari, leaving, 1, 0);
        var beforeStatus = ari.Requests.Count;
        await ari.PressAsync(staying, "1");
        await PlaysAsync(ari, staying, 2, beforeStatus);
        var pausesBefore = fixture.Clock.Count(AriConnection.FirstPause);

        ari.Down = true;
        await ari.DropAsync();
        await ari.WaitForRefusalsAsync(1);
        ari.Forget(leaving);
        ari.Down = false;
        await fixture.Clock.WaitForTimerAsync(AriConnection.FirstPause, pausesBefore + 1);
        var beforeReconnect = ari.Requests.Count;
        fixture.Clock.Advance(AriConnection.FirstPause);
        await ari.WaitForConnectionsAsync(2);
        await ari.WaitForAsync(r => r.Is("GET", "/ari/channels"), beforeReconnect, "the channels listed after the reconnect");
        await AriGatewayFixture.UntilAsync(async () => (await Figures(site)).Abandoned == 1, "the caller who left during the restart counted as abandoned");
        var beforeReplay = ari.Requests.Count;
        await ari.ReplayLastAsync();
        await ari.PressAsync(staying, "2");
        var afterReplay = await PlaysAsync(ari, staying, 1, beforeReplay);
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/channels/{staying}"), beforeReplay, "the caller let go after the callback");

        Assert.Equal([Media(PhoneTexts.CallbackTaken("en"))], afterReplay);
        var waiting = Assert.Single((await Host.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot()).Waiting);
        Assert.Equal(FakePbx.Caller, waiting.Phone);
        var figures = await Figures(site);
        Assert.Equal((1, 1, 0), (figures.Abandoned, figures.CallbacksPending, figures.WaitingCallers));
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("not reachable") && e.Contains(site));
    }

    [Fact]
    public async Task Calls_in_progress_go_on_untouched_across_a_dropped_events_socket_and_a_restarted_adapter()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]), ("boris", 2, ["stylist"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var (talking, conversationId) = await AriScenes.TalkingToAnnaAsync(ari, anna);
        var menuTimers = fixture.Clock.Count(MenuWait);
        // Anna's seat is taken by the call: the next caller hears the menu.
        var inMenu = await ari.CallInAsync("+79005550002");
        await PlaysAsync(ari, inMenu, 1, 0);
        await fixture.Clock.WaitForTimerAsync(MenuWait, menuTimers + 1);
        // A third caller chose to wait: held in the queue, with music on hold.
        var held = await ari.CallInAsync("+79005550003");
        await PlaysAsync(ari, held, 1, 0);
        await fixture.Clock.WaitForTimerAsync(MenuWait, menuTimers + 2);
        await ari.PressAsync(held, "0");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{held}/moh"), 0, "the third caller held in the queue");
        var before = ari.Requests.Count;

        await ari.DropAsync();
        await ari.WaitForConnectionsAsync(2);
        await ari.WaitForAsync(r => r.Is("GET", "/ari/channels"), before, "the channels listed after the socket came back");
        var beforeRestart = ari.Requests.Count;
        await fixture.RestartAdapterAsync(site, ari);
        await ari.WaitForAsync(r => r.Is("GET", "/ari/channels"), beforeRestart, "the channels listed by the restarted adapter");
        await fixture.LogAsync(e => e.Contains($"Call {talking} on site {site} taken up again (connected)"), "about the talking caller taken up");
        await fixture.LogAsync(e => e.Contains($"Call {inMenu} on site {site} taken up again (menu)"), "about the caller in the menu taken up");
        await fixture.LogAsync(e => e.Contains($"Call {held} on site {site} taken up again (held)"), "about the held caller taken up");
        await fixture.Clock.WaitForTimerAsync(MenuWait, menuTimers + 3);
        var beforeKey = ari.Requests.Count;
        await ari.PressAsync(inMenu, "1");
        var status = await PlaysAsync(ari, inMenu, 2, beforeKey);
        await anna.SendAsync(new { type = "transfer", conversationId, toOperator = "boris" });
        await boris.ExpectAsync("assigned");
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == $"op-{talking}-2", before, "boris's phone rung");

        var since = ari.Requests.Skip(before).ToList();
        Assert.DoesNotContain(since, r => r.Path.StartsWith($"/ari/channels/{talking}/", StringComparison.Ordinal));
        Assert.DoesNotContain(since, r => r.Path == $"/ari/channels/{held}" || r.Path.StartsWith($"/ari/channels/{held}/", StringComparison.Ordinal));
        Assert.DoesNotContain(since, r => r.Is("POST", $"/ari/bridges/br-{talking}/addChannel") && r["channel"] == $"op-{talking}");
        Assert.Contains(since, r => r.Is("DELETE", $"/ari/channels/op-{talking}"));
        Assert.Equal("PJSIP/boris", ring["endpoint"]);
        Assert.Equal(status, since.Where(r => r.Is("POST", $"/ari/channels/{inMenu}/play")).Select(r => r["media"]!));
        Assert.Equal(Media(PhoneTexts.MenuAgain("en")), status[1]);
        Assert.DoesNotContain(since, r => r.Path.StartsWith($"/ari/channels/{inMenu}/", StringComparison.Ordinal) && !r.Is("POST", $"/ari/channels/{inMenu}/play"));
        var calls = (await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId)).GetEvents(Actor.System(site), 0, 100))
            .Where(e => e.Type == EventTypes.Call).Select(e => e.Status);
        Assert.Equal([CallStates.Offered, CallStates.Answered], calls);
        var figures = await Figures(site);
        Assert.Equal((1, 2), (figures.Answered, figures.WaitingCallers));
    }

    [Fact]
    public async Task A_key_pressed_while_the_restarted_adapter_lists_the_channels_is_answered_once_the_listing_is_in()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        // Nobody is online: the caller hears the menu.
        var inMenu = await ari.CallInAsync(FakePbx.Caller);
        await PlaysAsync(ari, inMenu, 1, 0);
        var listing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ari.ListingHeld = listing.Task;
        var beforeRestart = ari.Requests.Count;

        await fixture.RestartAdapterAsync(site, ari);
        await ari.WaitForAsync(r => r.Is("GET", "/ari/channels"), beforeRestart, "the channels asked for by the restarted adapter");
        await ari.PressAsync(inMenu, "1");
        await fixture.LogAsync(e => e.Contains($"ChannelDtmfReceived of site {site} held until the channels are listed"), "the key held during the listing");
        var beforeListing = ari.Requests.Count;
        ari.ListingHeld = null;
        listing.SetResult();
        var status = await PlaysAsync(ari, inMenu, 2, beforeListing);

        Assert.Equal(Media(PhoneTexts.MenuAgain("en")), status[1]);
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Contains($"unknown channel '{inMenu}'"));
    }

    [Fact]
    public async Task Unknown_channels_keys_that_are_not_digits_ARI_errors_and_junk_messages_are_logged_and_harm_nothing()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));

        await ari.PressAsync("1733399999.9", "1");
        await fixture.LogAsync(e => e.Contains("for unknown channel '1733399999.9'") && e.Contains(site), "about the unknown channel");
        var channel = await ari.CallInAsync(FakePbx.Caller);
        await PlaysAsync(ari, channel, 1, 0);
        var beforeKey = ari.Requests.Count;
        await ari.PressAsync(channel, "#");
        var notUnderstood = await PlaysAsync(ari, channel, 2, beforeKey);
        await fixture.LogAsync(e => e.Contains("DTMF '#' is not digits"), "about the key that is not a digit");

        ari.Failures["/answer"] = 500;
        var broken = await ari.CallInAsync("+79005550003");
        await fixture.LogAsync(e => e.Contains($"ARI answered 500 to POST /ari/channels/{broken}/answer"), "about ARI's 500");
        ari.Failures.Clear();
        ari.Forget(channel);
        await ari.PressAsync(channel, "1");
        await fixture.LogAsync(e => e.Contains($"ARI answered 404 to POST /ari/channels/{channel}/play: Channel not found"), "about ARI's 404");
        await ari.SendTextAsync("{not an event");
        await fixture.LogAsync(e => e.Contains("not an event") && e.Contains(site), "about the junk message");
        var afterwards = await ari.CallInAsync("+79005550004");
        await PlaysAsync(ari, afterwards, 1, 0);

        Assert.Equal([Media(PhoneTexts.NotUnderstood("en")), Media(PhoneTexts.MenuAgain("en"))], notUnderstood);
        Assert.DoesNotContain(ari.Requests, r => r.Path == $"/ari/channels/{broken}/play");
    }

    private Task<CallFigures> Figures(string site) => Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();

    private static async Task<string[]> PlaysAsync(FakeAri ari, string channel, int count, int from) =>
        (await ari.WaitForManyAsync(r => r.Is("POST", $"/ari/channels/{channel}/play"), count, from, $"prompts played on {channel}"))
            .Select(r => r["media"]!).ToArray();

    private string Media(string text) => new Uri(Host.BaseAddress, $"phone/speech/{PromptSpeech.KeyOf(text, "en")}.wav").ToString();
}
