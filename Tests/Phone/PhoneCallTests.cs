using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>Calls through the generic adapter land in the same queues as chats: put through, or the overflow menu.</summary>
public sealed class PhoneCallTests(PhoneGatewayFixture fixture) : IClassFixture<PhoneGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_call_with_an_operator_free_is_connected_to_them_and_its_events_are_in_the_transcript()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var pbx = new FakePbx(Host, site);

        var offered = await pbx.SendAsync("c-1", "call.offered");
        var assigned = await anna.ExpectAsync("assigned");
        var card = await CustomerCardAsync(site, assigned.Str("conversationId"), await Host.LoginAsync(site, "anna"));
        await pbx.SendAsync("c-1", "call.answered");
        var ended = await pbx.SendAsync("c-1", "call.ended", new { reason = "completed", durationSeconds = 42 });

        var connect = Assert.Single(offered);
        Assert.Equal("connect", connect.Str("type"));
        Assert.Equal("anna", connect.GetProperty("operator").Str("id"));
        Assert.Empty(ended);
        Assert.Equal("phone", assigned.GetProperty("transcript")[0].Str("channel"));
        Assert.Equal(FakePbx.Caller, card.GetProperty("customer").Str("phone"));
        var calls = (await Conversation(site, assigned.Str("conversationId")).GetEvents(Actor.System(site), 0, 100))
            .Where(e => e.Type == EventTypes.Call).ToList();
        Assert.Equal([CallStates.Offered, CallStates.Answered, CallStates.Ended], calls.Select(c => c.Status));
        Assert.Equal(42, calls[^1].DurationSeconds);
        Assert.Equal("completed", calls[^1].Reason);
    }

    [Fact]
    public async Task With_nobody_free_the_caller_hears_the_menu_their_order_status_and_leaves_a_callback_that_waits_in_the_queue()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);

        var offered = await pbx.SendAsync("c-2", "call.offered");
        var status = await pbx.SendAsync("c-2", "input.dtmf", new { digits = "1" });
        var callback = await pbx.SendAsync("c-2", "input.dtmf", new { digits = "2" });
        await pbx.SendAsync("c-2", "call.ended", new { reason = "completed", durationSeconds = 30 });

        Assert.Equal(["answer", "say", "gather"], offered.Select(c => c.Str("type")));
        Assert.Equal(1, offered[2].GetProperty("maxDigits").GetInt32());
        Assert.Equal("en", offered[1].Str("language"));
        Assert.Matches("^Your order SB-[0-9]+ of .+ is (delivered|in transit|processing)\\.$", status[0].Str("text"));
        Assert.Equal("gather", status[^1].Str("type"));
        Assert.Equal(["say", "hangup"], callback.Select(c => c.Str("type")));
        var waiting = await WaitingWithPhone(site);
        Assert.Equal(FakePbx.Caller, waiting.Phone);
        var snapshot = await Conversation(site, waiting.ConversationId).GetSnapshot(Actor.System(site));
        Assert.Equal(ChannelNames.Phone, snapshot.Channel);
        Assert.Equal(ConversationStatus.Queued, snapshot.Status);
    }

    [Fact]
    public async Task Pressing_0_waits_for_an_operator_and_hanging_up_unanswered_closes_the_conversation()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);

        await pbx.SendAsync("c-3", "call.offered");
        var wait = await pbx.SendAsync("c-3", "input.dtmf", new { digits = 0 });
        var waiting = Assert.Single((await Queue(site).GetSnapshot()).Waiting);
        await pbx.SendAsync("c-3", "call.ended", new { reason = "canceled", durationSeconds = 90 });

        Assert.Equal(["say", "enqueue"], wait.Select(c => c.Str("type")));
        Assert.Equal("general", wait[1].Str("queue"));
        var snapshot = await Conversation(site, waiting.ConversationId).GetSnapshot(Actor.System(site));
        Assert.Equal(ConversationStatus.Closed, snapshot.Status);
    }

    [Fact]
    public async Task A_redelivered_event_gets_the_same_answer_and_takes_effect_once()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);
        await pbx.SendAsync("c-4", "call.offered");
        var press = pbx.Event("c-4", "input.dtmf", new { digits = "2" });

        var first = await pbx.SendAsync(press);
        var again = await pbx.SendAsync(press);

        Assert.Equal(first.Select(c => c.GetRawText()), again.Select(c => c.GetRawText()));
        var waiting = await WaitingWithPhone(site);
        var callbacks = (await Conversation(site, waiting.ConversationId).GetEvents(Actor.System(site), 0, 100))
            .Count(e => e.Type == EventTypes.Callback);
        Assert.Equal(1, callbacks);
    }

    [Fact]
    public async Task Supervisors_see_each_queues_waiting_answered_abandoned_and_callback_calls()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 1, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var pbx = new FakePbx(Host, site);

        await pbx.SendAsync("f-1", "call.offered");
        await anna.ExpectAsync("assigned");
        await pbx.SendAsync(pbx.Event("f-2", "call.offered", from: "+79005550002"));
        await pbx.SendAsync(pbx.Event("f-2", "input.dtmf", new { digits = "2" }, from: "+79005550002"));
        await pbx.SendAsync(pbx.Event("f-3", "call.offered", from: "+79005550003"));
        await pbx.SendAsync(pbx.Event("f-3", "call.ended", new { reason = "canceled" }, from: "+79005550003"));
        await pbx.SendAsync(pbx.Event("f-4", "call.offered", from: "+79005550004"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/calls/figures")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", await Host.LoginAsync(site, "sup")) },
        };
        using var response = await Host.Http.SendAsync(request);
        var general = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(q => q.Str("queue") == "general");

        Assert.Equal(1, general.GetProperty("waitingCallers").GetInt32());
        Assert.Equal(1, general.GetProperty("answered").GetInt32());
        Assert.Equal(1, general.GetProperty("abandoned").GetInt32());
        Assert.Equal(1, general.GetProperty("callbacksPending").GetInt32());
        Assert.True(general.GetProperty("averageAnswerSeconds").GetDouble() >= 0);
        // The live monitor shows the same figures beside the chat figures.
        using var monitor = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/monitor")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", await Host.LoginAsync(site, "sup")) },
        };
        using var snapshot = await Host.Http.SendAsync(monitor);
        var calls = (await snapshot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("calls").EnumerateArray().Single(q => q.Str("queue") == "general");
        Assert.Equal(general.GetRawText(), calls.GetRawText());
    }

    /// <summary>
    /// The console's screen-pop: the caller's number comes back as the candidate (caller ID can be spoofed), and the card
    /// is looked up once the operator confirms it.
    /// </summary>
    private async Task<JsonElement> CustomerCardAsync(string site, string conversationId, string token)
    {
        var path = $"/api/sites/{site}/conversations/{conversationId}/customer";
        using var ask = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var candidate = await Host.Http.SendAsync(ask);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, candidate.StatusCode);
        var phone = (await candidate.Content.ReadFromJsonAsync<JsonElement>()).Str("candidatePhone");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?confirmedPhone={Uri.EscapeDataString(phone)}")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };
        using var response = await Host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The queue hears of a callback one-way: ask until it lists one, within the signal timeout.</summary>
    private async Task<WaitingChat> WaitingWithPhone(string site)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (true)
        {
            if ((await Queue(site).GetSnapshot()).Waiting.FirstOrDefault(w => w.Phone is not null) is { } waiting)
            {
                return waiting;
            }
            Assert.True(DateTime.UtcNow < deadline, "Expected a waiting callback in the queue");
            await Task.Yield();
        }
    }

    private IQueueGrain Queue(string site) => Host.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));

    private IConversationGrain Conversation(string site, string id) => Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id));
}
