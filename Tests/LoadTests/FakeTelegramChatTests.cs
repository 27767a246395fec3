using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.LoadTests.DevMode;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.LoadTests;

/// <summary>
/// The dev mode end to end, as a person at a terminal would use it: <c>fake-telegram</c> against a running gateway's
/// demo site, with lines typed on its standard input and the bot's messages read from its output, and an operator in
/// the console on the other side.
/// </summary>
public sealed class FakeTelegramChatTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_person_at_the_terminal_chats_with_an_operator_taps_a_button_and_rates_the_chat()
    {
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, "demo", "anna", password: GatewayHost.DemoPassword);
        using var input = new ScriptedInput();
        using var output = new RecordingOutput();
        var settings = new FakeTelegramSettings(Host.BaseAddress, "demo", "olga", GatewayHost.DemoPassword, 555_001, "Vera");
        var session = new FakeTelegramChat(settings, input, output).RunAsync(CancellationToken.None);
        await output.SeenAsync(l => l.StartsWith(FakeTelegramChat.Prompt, StringComparison.Ordinal), "the prompt", Waits.Signal);

        input.Type("Do you have this dress in red?");
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var conversationId = assigned.Str("conversationId");
        await output.SeenAsync(l => l.StartsWith("bot: ") && l.EndsWith("has joined the chat."), "the operator joining", Waits.Signal);
        await anna.SendAsync(new { type = "message", conversationId, id = "d1", text = "Yes, in S and M.", quickReplies = new[] { "S", "M" } });
        await output.SeenAsync(l => l == "bot: Anna: Yes, in S and M.", "the operator's reply", Waits.Signal);
        await output.SeenAsync(l => l.Trim() == "[1] S   [2] M", "the reply's buttons", Waits.Signal);
        input.Type("2");
        var tapped = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("conversationId") == conversationId);
        var mark = output.Count;
        await anna.SendAsync(new { type = "close", conversationId });
        await output.SeenAsync(l => l.Contains("[5] "), "the rating buttons", Waits.Signal, mark);
        var listener = new RecordingObserver();
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation("demo", conversationId))
            .Subscribe(new Actor(ActorKind.Supervisor, "demo", "olga"), Host.Grains.CreateObjectReference<IPushObserver>(listener));
        input.Type("/rate 4");
        var rated = (await listener.WaitFor<(string Key, ConversationEvent Event)>(p => p.Event.Type == EventTypes.Rated, "the rating")).Event;
        input.Type("/quit");
        var exitCode = await session.WaitAsync(Waits.Signal);

        Assert.Equal("telegram", assigned.GetProperty("visitor").Str("channel"));
        Assert.Equal("Vera", assigned.GetProperty("visitor").Str("name"));
        Assert.Contains(assigned.GetProperty("transcript").EnumerateArray(), e => e.TryGetProperty("text", out var t) && t.GetString() == "Do you have this dress in red?");
        Assert.Equal("M", tapped.Str("text"));
        Assert.Equal(4, rated.Score);
        Assert.Equal(0, exitCode);
        Assert.False(await TelegramEnabledAsync(), "Leaving the dev mode should switch the demo site's telegram channel off.");
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_said_plainly_and_ends_the_session()
    {
        using var input = new ScriptedInput();
        using var output = new RecordingOutput();
        var settings = new FakeTelegramSettings(Host.BaseAddress, "demo", "olga", "not-the-password", 555_002, "Vera");

        var exitCode = await new FakeTelegramChat(settings, input, output).RunAsync(CancellationToken.None).WaitAsync(Waits.Signal);

        Assert.Equal(1, exitCode);
        Assert.Contains(output.Lines, l => l.StartsWith("Could not sign in", StringComparison.Ordinal));
    }

    private async Task<bool> TelegramEnabledAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sites/demo/channels");
        request.Headers.Authorization = new("Bearer", await Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword));
        using var response = await Host.Http.SendAsync(request);
        var channels = await response.Content.ReadFromJsonAsync<JsonElement>();
        return channels.EnumerateArray().Any(c => c.GetProperty("channel").GetString() == "telegram" && c.GetProperty("enabled").GetBoolean());
    }
}
