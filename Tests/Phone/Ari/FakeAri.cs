using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>
/// Asterisk as its ARI client sees it, on a real Kestrel port: the events WebSocket carrying ARI's documented event
/// JSON (<see cref="FakeAriEventSocket"/>) and the REST the product drives calls with (<see cref="FakeAriRest"/>), each
/// request recorded. A test plays the far ends: callers dialling in, pressing keys, hanging up, operators picking up;
/// and Asterisk itself restarting (the socket dropped, connections refused for a while).
/// </summary>
public sealed class FakeAri : IAsyncDisposable
{
    public const string User = "switchboard";
    public const string Password = "ari-test-pass";
    public const string App = "switchboard";

    private readonly FakeAriRequests _seen = new();
    private readonly FakeAriClock _clock = new();
    private readonly FakeAriEventSocket _events;
    private readonly FakeAriRest _rest;
    private WebApplication _app = null!;

    private FakeAri()
    {
        _events = new FakeAriEventSocket(_seen);
        _rest = new FakeAriRest(_seen, _events, _clock) { HungUpByProduct = id => HangUpAsync(id) };
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>While down, the events WebSocket is refused (503), as an Asterisk that is restarting.</summary>
    public bool Down
    {
        get => _events.Down;
        set => _events.Down = value;
    }

    /// <inheritdoc cref="FakeAriRest.Failures"/>
    public ConcurrentDictionary<string, int> Failures => _rest.Failures;

    /// <inheritdoc cref="FakeAriRest.FinishPlaybacks"/>
    public bool FinishPlaybacks
    {
        get => _rest.FinishPlaybacks;
        set => _rest.FinishPlaybacks = value;
    }

    /// <inheritdoc cref="FakeAriRest.ListingHeld"/>
    public Task? ListingHeld
    {
        get => _rest.ListingHeld;
        set => _rest.ListingHeld = value;
    }

    public int Connections => _events.Connections;

    /// <summary>Every REST request so far, oldest first.</summary>
    public IReadOnlyList<AriRequest> Requests => _seen.All;

    public static async Task<FakeAri> StartAsync()
    {
        var ari = new FakeAri();
        (ari._app, ari.BaseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/ari/events", ari._events.AcceptAsync);
            ari._rest.Map(app);
        });
        return ari;
    }

    /// <summary>A caller dials in and the dialplan's <c>Stasis(switchboard)</c> hands the channel over; its id.</summary>
    public async Task<string> CallInAsync(string number, string exten = "100")
    {
        var id = _rest.NewChannelId();
        var channel = _rest.Channels[id] = new FakeAriChannel(id, number, exten, _clock.Now());
        await _events.SendAsync(new { type = "StasisStart", timestamp = _clock.Now(), args = Array.Empty<string>(), channel = channel.Json(App), application = App });
        return id;
    }

    /// <summary>An originated channel (an operator's leg, a call back) is answered and enters the app.</summary>
    public Task PickUpAsync(string id)
    {
        if (!_rest.Channels.TryGetValue(id, out var channel))
        {
            throw new InvalidOperationException($"The fake ARI has no channel {id} to pick up.");
        }
        channel.Ringing = false;
        return _events.SendAsync(new { type = "StasisStart", timestamp = _clock.Now(), args = Array.Empty<string>(), channel = channel.Json(App), application = App });
    }

    public Task PressAsync(string id, string digit) =>
        _events.SendAsync(new { type = "ChannelDtmfReceived", timestamp = _clock.Now(), digit, duration_ms = 120, channel = ChannelJson(id), application = App });

    /// <summary>The far end hangs up: <c>ChannelHangupRequest</c> then <c>StasisEnd</c>, and the channel is gone.</summary>
    public async Task HangUpAsync(string id, int cause = 16)
    {
        var json = ChannelJson(id);
        _rest.Channels.TryRemove(id, out _);
        await _events.SendAsync(new { type = "ChannelHangupRequest", timestamp = _clock.Now(), cause, channel = json, application = App });
        await _events.SendAsync(new { type = "StasisEnd", timestamp = _clock.Now(), channel = json, application = App });
    }

    /// <summary>Hangs up without a word on the socket: as a caller leaving while Asterisk's events were away.</summary>
    public void Forget(string id) => _rest.Channels.TryRemove(id, out _);

    /// <summary>Whether the channel is still up on the fake Asterisk.</summary>
    public bool Has(string id) => _rest.Channels.ContainsKey(id);

    /// <inheritdoc cref="FakeAriEventSocket.ReplayLastAsync"/>
    public Task ReplayLastAsync() => _events.ReplayLastAsync();

    /// <inheritdoc cref="FakeAriEventSocket.DropAsync"/>
    public Task DropAsync() => _events.DropAsync();

    /// <summary>A text message on the events socket that is whatever the test says, not necessarily an event.</summary>
    public Task SendTextAsync(string text) => _events.SendRawAsync(text);

    public Task WaitForConnectionsAsync(int count) => _seen.WaitUntilAsync(() => Connections >= count, $"{count} events connections");

    /// <summary>Waits until a connection was refused while <see cref="Down"/>: the client is then pausing before its next try.</summary>
    public Task WaitForRefusalsAsync(int count) => _seen.WaitUntilAsync(() => _events.Refused >= count, $"{count} refused connections");

    /// <summary>The first request from position <paramref name="from"/> on that matches, once it has arrived.</summary>
    public async Task<AriRequest> WaitForAsync(Func<AriRequest, bool> match, int from = 0, string? what = null)
    {
        AriRequest? found = null;
        await _seen.WaitUntilAsync(() => (found = Requests.Skip(from).FirstOrDefault(match)) is not null, what ?? "a matching ARI request");
        return found!;
    }

    /// <summary>The first <paramref name="count"/> requests from position <paramref name="from"/> on that match, once they have arrived.</summary>
    public async Task<AriRequest[]> WaitForManyAsync(Func<AriRequest, bool> match, int count, int from, string what)
    {
        await _seen.WaitUntilAsync(() => Requests.Skip(from).Count(match) >= count, $"{count} × {what}");
        return Requests.Skip(from).Where(match).Take(count).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _events.Abort();
        await _app.DisposeAsync();
    }

    private object ChannelJson(string id) =>
        _rest.Channels.TryGetValue(id, out var channel) ? channel.Json(App) : new FakeAriChannel(id, "", "", _clock.Now()).Json(App);
}
