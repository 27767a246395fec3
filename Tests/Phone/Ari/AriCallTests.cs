using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Domain.Calls;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>Calls from an Asterisk over ARI: the same call grains and menu as the generic adapter, carried out as ARI requests.</summary>
public sealed class AriCallTests(AriGatewayFixture fixture) : IClassFixture<AriGatewayFixture>
{
    private static readonly TimeSpan MenuWait = TimeSpan.FromSeconds(CallMenu.GatherSeconds);

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_caller_hears_the_menu_their_order_status_and_leaves_a_callback_that_waits_in_the_queue()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));

        var channel = await ari.CallInAsync(FakePbx.Caller);
        var menu = await PlaysAsync(ari, channel, 1, 0);
        var beforeStatus = ari.Requests.Count;
        await ari.PressAsync(channel, "1");
        var status = await PlaysAsync(ari, channel, 2, beforeStatus);
        var beforeCallback = ari.Requests.Count;
        await ari.PressAsync(channel, "2");
        var thanks = await PlaysAsync(ari, channel, 1, beforeCallback);
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/channels/{channel}"), beforeCallback, "the caller let go");
        var waiting = await WaitingWithPhoneAsync(site);
        var calls = await CallEventsAsync(site, waiting.ConversationId, channel, CallStates.Ended);
        using var audio = await Host.Http.GetAsync(new Uri(status[0]).PathAndQuery);

        Assert.True(ari.Requests.First(r => r.Path.StartsWith($"/ari/channels/{channel}/", StringComparison.Ordinal)).Is("POST", $"/ari/channels/{channel}/answer"));
        Assert.Equal([Media(PhoneTexts.Menu("en"))], menu);
        Assert.Equal(Media(PhoneTexts.MenuAgain("en")), status[1]);
        Assert.NotEqual(status[1], status[0]);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString((await audio.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal([Media(PhoneTexts.CallbackTaken("en"))], thanks);
        Assert.Equal(FakePbx.Caller, waiting.Phone);
        var snapshot = await Conversation(site, waiting.ConversationId).GetSnapshot(Actor.System(site));
        Assert.Equal(ChannelNames.Phone, snapshot.Channel);
        Assert.Equal(ConversationStatus.Queued, snapshot.Status);
        Assert.Equal([CallStates.Offered, CallStates.Ended], calls.Select(c => c.Status));
        var figures = await Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();
        Assert.Equal(1, figures.CallbacksPending);
        Assert.Equal(0, figures.Abandoned);
    }

    [Fact]
    public async Task A_caller_with_an_operator_free_is_held_while_their_console_rings_and_bridged_to_their_phone_when_they_accept()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var channel = await ari.CallInAsync(FakePbx.Caller);
        var assigned = await anna.ExpectAsync("assigned");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/channels/{channel}/moh"), 0, "the caller held while the console rings");
        var held = ari.Requests.Count;
        await anna.SendAsync(new { type = "accept_call", conversationId = assigned.Str("conversationId") });
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels"), held, "the operator's phone rung");
        await ari.PickUpAsync($"op-{channel}");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/bridges/br-{channel}/addChannel") && r["channel"] == $"op-{channel}", 0, "the operator put in the bridge");
        await ari.HangUpAsync($"op-{channel}");
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/channels/{channel}"), 0, "the caller let go when the operator hung up");
        var calls = await CallEventsAsync(site, assigned.Str("conversationId"), channel, CallStates.Ended);
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/bridges/br-{channel}"), 0, "the bridge destroyed after the call");

        Assert.Equal(
            [("POST", $"/ari/channels/{channel}/answer"), ("POST", $"/ari/channels/{channel}/play"), ("POST", $"/ari/channels/{channel}/moh")],
            ari.Requests.Take(held).Where(r => r.Path.StartsWith($"/ari/channels/{channel}/", StringComparison.Ordinal)).Select(r => (r.Method, r.Path)));
        Assert.Equal(Media(PhoneTexts.Connecting("en")), ari.Requests.First(r => r.Path == $"/ari/channels/{channel}/play")["media"]);
        var connected = ari.Requests.Skip(held).Take(4).ToList();
        Assert.True(connected[0].Is("DELETE", $"/ari/channels/{channel}/moh"));
        Assert.True(connected[1].Is("POST", "/ari/bridges"));
        Assert.Equal(($"br-{channel}", "mixing"), (connected[1]["bridgeId"], connected[1]["type"]));
        Assert.True(connected[2].Is("POST", $"/ari/bridges/br-{channel}/addChannel"));
        Assert.Equal(channel, connected[2]["channel"]);
        Assert.Same(ring, connected[3]);
        Assert.Equal(("PJSIP/anna", FakeAri.App, $"op-{channel}", FakePbx.Caller), (ring["endpoint"], ring["app"], ring["channelId"], ring["callerId"]));
        Assert.Equal([CallStates.Offered, CallStates.Answered, CallStates.Ended], calls.Select(c => c.Status));
    }

    [Fact]
    public async Task An_operators_call_back_is_originated_over_ARI_and_rings_the_operator_once_the_customer_picks_up()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));

        var (waiting, started, callId, dial) = await CallBackRingingAsync(ari, site);
        var ring = await BothPickUpAsync(ari, callId, 0);
        var calls = await CallEventsAsync(site, waiting.ConversationId, callId, CallStates.Answered);

        Assert.Equal(HttpStatusCode.Accepted, started);
        Assert.Equal(($"PJSIP/{FakePbx.Caller}", FakeAri.App), (dial["endpoint"], dial["app"]));
        Assert.Equal("PJSIP/anna", ring["endpoint"]);
        Assert.Equal([CallStates.Answered], calls.Select(c => c.Status));
        var figures = await Host.Grains.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(site, "general")).GetFigures();
        Assert.Equal(0, figures.CallbacksPending);
    }

    [Fact]
    public async Task A_call_back_still_ringing_when_the_adapter_restarts_rings_the_operator_once_the_customer_picks_up()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        var (waiting, _, callId, _) = await CallBackRingingAsync(ari, site);
        var beforeRestart = ari.Requests.Count;

        await fixture.RestartAdapterAsync(site, ari);
        await ari.WaitForAsync(r => r.Is("GET", "/ari/channels"), beforeRestart, "the channels listed by the restarted adapter");
        await fixture.LogAsync(e => e.Contains($"Call {callId} on site {site} taken up again (outbound)"), "about the ringing call back taken up");
        var ring = await BothPickUpAsync(ari, callId, beforeRestart);
        var calls = await CallEventsAsync(site, waiting.ConversationId, callId, CallStates.Answered);

        Assert.Equal("PJSIP/anna", ring["endpoint"]);
        Assert.Equal([CallStates.Answered], calls.Select(c => c.Status));
        Assert.DoesNotContain(ari.Requests.Skip(beforeRestart), r => r.Is("DELETE", $"/ari/channels/{callId}"));
    }

    [Fact]
    public async Task The_menu_waits_for_a_key_from_the_end_of_its_prompt_and_silence_three_times_lets_the_caller_go()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        var timersBefore = fixture.Clock.Count(MenuWait);

        var channel = await ari.CallInAsync(FakePbx.Caller);
        await PlaysAsync(ari, channel, 1, 0);
        var prompts = new List<string>();
        for (var silence = 1; silence <= CallMenu.MaxMisses; silence++)
        {
            await fixture.Clock.WaitForTimerAsync(MenuWait, timersBefore + silence);
            var before = ari.Requests.Count;
            fixture.Clock.Advance(MenuWait);
            prompts.AddRange(await PlaysAsync(ari, channel, 1, before));
        }
        await ari.WaitForAsync(r => r.Is("DELETE", $"/ari/channels/{channel}"), 0, "the caller let go after three silences");

        Assert.Equal([Media(PhoneTexts.MenuAgain("en")), Media(PhoneTexts.MenuAgain("en")), Media(PhoneTexts.Goodbye("en"))], prompts);
    }

    /// <summary>
    /// A caller asks for a call back from the menu (key 2) and Anna presses call back: the customer's channel is being
    /// dialled. Returns the waiting chat, the call back's answer, its call id and the dial request.
    /// </summary>
    private async Task<(WaitingChat Waiting, HttpStatusCode Started, string CallId, AriRequest Dial)> CallBackRingingAsync(FakeAri ari, string site)
    {
        var channel = await ari.CallInAsync(FakePbx.Caller);
        await PlaysAsync(ari, channel, 1, 0);
        await ari.PressAsync(channel, "2");
        var waiting = await WaitingWithPhoneAsync(site);
        using var started = await CallBackAsync(site, waiting.ConversationId, await Host.LoginAsync(site, "anna"));
        var callId = (await started.Content.ReadFromJsonAsync<JsonElement>()).Str("callId");
        var dial = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == callId, 0, "the customer dialled");
        return (waiting, started.StatusCode, callId, dial);
    }

    /// <summary>The customer picks up call back <paramref name="callId"/>, then the operator's phone it rings; returns that ring's request.</summary>
    private static async Task<AriRequest> BothPickUpAsync(FakeAri ari, string callId, int from)
    {
        await ari.PickUpAsync(callId);
        var ring = await ari.WaitForAsync(r => r.Is("POST", "/ari/channels") && r["channelId"] == $"op-{callId}", from, "the operator's phone rung");
        await ari.PickUpAsync($"op-{callId}");
        await ari.WaitForAsync(r => r.Is("POST", $"/ari/bridges/br-{callId}/addChannel") && r["channel"] == $"op-{callId}", from, "the operator put in the bridge");
        return ring;
    }

    /// <summary>The prompts played on <paramref name="channel"/> from request <paramref name="from"/> on, once <paramref name="count"/> have been.</summary>
    private static async Task<string[]> PlaysAsync(FakeAri ari, string channel, int count, int from) =>
        (await ari.WaitForManyAsync(r => r.Is("POST", $"/ari/channels/{channel}/play"), count, from, $"prompts played on {channel}"))
            .Select(r => r["media"]!).ToArray();

    private string Media(string text) => new Uri(Host.BaseAddress, $"phone/speech/{PromptSpeech.KeyOf(text, "en")}.wav").ToString();

    /// <summary>The call's events on the conversation, once the last of them is <paramref name="last"/>: the adapter asks the grain after the fake's event.</summary>
    [Fact]
    public async Task With_recording_on_a_call_is_recorded_from_the_operators_pick_up_and_its_transcript_gets_the_link()
    {
        await using var ari = await FakeAri.StartAsync();
        await using var site = await fixture.SiteAsync(ari, ("anna", 2, ["general"]));
        await fixture.RecordCallsAsync(site, ari);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var (channel, conversationId) = await AriScenes.TalkingToAnnaAsync(ari, anna);
        var record = await ari.WaitForAsync(r => r.Is("POST", $"/ari/bridges/br-{channel}/record"), 0, "the call's bridge recorded");
        await ari.HangUpAsync(channel);
        await fixture.LogAsync(e => e.Contains($"Recording switchboard-{channel} of site {site} finished"), "about the finished recording");
        var ended = (await CallEventsAsync(site, conversationId, channel, CallStates.Ended)).Last();

        Assert.Equal(($"switchboard-{channel}", "wav"), (record["name"], record["format"]));
        Assert.Equal(new Uri(ari.BaseUrl, $"ari/recordings/stored/switchboard-{channel}/file").ToString(), ended.RecordingUrl);
        Assert.Equal(CallOutcomes.Answered, ended.Outcome);
        Assert.Single(ari.Requests, r => r.Path.EndsWith("/record", StringComparison.Ordinal));
    }

    private async Task<List<ConversationEvent>> CallEventsAsync(string site, string conversationId, string callId, string last)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            var calls = (await Conversation(site, conversationId).GetEvents(Actor.System(site), 0, 100))
                .Where(e => e.Type == EventTypes.Call && e.CallId == callId).ToList();
            if (calls.LastOrDefault()?.Status == last)
            {
                return calls;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Expected call {callId}'s events to end with '{last}'; they are [{string.Join(", ", calls.Select(c => c.Status))}]");
            await Task.Yield();
        }
    }

    /// <summary>The queue hears of a callback one-way: ask until it lists one, within the signal timeout.</summary>
    private async Task<WaitingChat> WaitingWithPhoneAsync(string site)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            if ((await Host.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general")).GetSnapshot()).Waiting.FirstOrDefault(w => w.Phone is not null) is { } waiting)
            {
                return waiting;
            }
            Assert.True(DateTime.UtcNow < deadline, "Expected a waiting callback in the queue");
            await Task.Yield();
        }
    }

    private Task<HttpResponseMessage> CallBackAsync(string site, string conversationId, string token) =>
        Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/conversations/{conversationId}/call-back")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        });

    private IConversationGrain Conversation(string site, string id) => Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id));
}
