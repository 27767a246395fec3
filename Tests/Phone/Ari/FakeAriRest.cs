using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>
/// The REST the product drives calls with, as Asterisk answers it: channels (answer, play, moh on and off, DELETE,
/// originate, list) and bridges (create, addChannel, removeChannel, record, DELETE), each request recorded. A channel or bridge
/// it does not have is a 404, as on a real Asterisk; <see cref="Failures"/> makes chosen requests fail.
/// </summary>
public sealed class FakeAriRest(FakeAriRequests seen, FakeAriEventSocket events, FakeAriClock clock)
{
    private readonly ConcurrentDictionary<string, bool> _bridges = new();
    /// <summary>The live recording of each bridge, by bridge id: finished when the bridge is destroyed.</summary>
    private readonly ConcurrentDictionary<string, string> _recordings = new();
    private int _nextChannel;

    public ConcurrentDictionary<string, FakeAriChannel> Channels { get; } = new();

    /// <summary>Answers this status to every REST request whose path contains the key (e.g. <c>"/answer"</c> → 500).</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new();

    /// <summary>Whether a playback reports <c>PlaybackFinished</c> at once, as a short prompt would.</summary>
    public bool FinishPlaybacks { get; set; } = true;

    /// <summary>While set, <c>GET /ari/channels</c> is recorded but not answered until the task completes.</summary>
    public Task? ListingHeld { get; set; }

    /// <summary>Called when the product hangs a channel up: the far end's events follow.</summary>
    public Func<string, Task> HungUpByProduct { get; set; } = _ => Task.CompletedTask;

    public string NewChannelId() => $"1733300000.{Interlocked.Increment(ref _nextChannel)}";

    public void Map(WebApplication app)
    {
        app.MapPost("/ari/channels", Originate);
        app.MapGet("/ari/channels", List);
        app.MapPost("/ari/channels/{id}/answer", (string id, HttpRequest r) => OnChannel(r, id, () => Results.NoContent()));
        app.MapPost("/ari/channels/{id}/moh", (string id, HttpRequest r) => OnChannel(r, id, () => Results.NoContent()));
        app.MapDelete("/ari/channels/{id}/moh", (string id, HttpRequest r) => OnChannel(r, id, () => Results.NoContent()));
        app.MapPost("/ari/channels/{id}/play", Play);
        app.MapDelete("/ari/channels/{id}", HangupByProduct);
        app.MapPost("/ari/bridges", CreateBridge);
        app.MapPost("/ari/bridges/{id}/addChannel", (string id, HttpRequest r) => InBridge(r, id));
        app.MapPost("/ari/bridges/{id}/removeChannel", (string id, HttpRequest r) => InBridge(r, id));
        app.MapDelete("/ari/bridges/{id}", DestroyBridge);
        app.MapPost("/ari/bridges/{id}/record", RecordBridge);
    }

    private IResult Originate(HttpRequest request)
    {
        if (Refused(request) is { } refused)
        {
            seen.Record(request);
            return refused;
        }
        var id = request.Query["channelId"].FirstOrDefault() ?? NewChannelId();
        var endpoint = request.Query["endpoint"].FirstOrDefault() ?? "";
        var channel = Channels[id] = new FakeAriChannel(id, endpoint.Split('/').Last(), "s", clock.Now()) { Ringing = true };
        // Recorded once the channel exists: a test that saw the originate may pick the channel up at once.
        seen.Record(request);
        return Results.Json(channel.Json(null));
    }

    private async Task<IResult> List(HttpRequest request)
    {
        seen.Record(request);
        if (ListingHeld is { } held)
        {
            await held;
        }
        return Refused(request) ?? Results.Json(Channels.Values.Select(c => c.Json(c.Ringing ? null : FakeAri.App)));
    }

    private IResult Play(string id, HttpRequest request) => OnChannel(request, id, () =>
    {
        var playback = new { id = request.Query["playbackId"].FirstOrDefault() ?? Guid.NewGuid().ToString("N"), media_uri = request.Query["media"].FirstOrDefault(), target_uri = $"channel:{id}", language = "en", state = "queued" };
        if (FinishPlaybacks)
        {
            _ = Task.Run(() => events.SendAsync(new { type = "PlaybackFinished", timestamp = clock.Now(), playback = playback with { state = "done" }, application = FakeAri.App }));
        }
        return Results.Json(playback, statusCode: StatusCodes.Status201Created);
    });

    private IResult HangupByProduct(string id, HttpRequest request) => OnChannel(request, id, () =>
    {
        _ = Task.Run(() => HungUpByProduct(id));
        return Results.NoContent();
    });

    private IResult CreateBridge(HttpRequest request)
    {
        seen.Record(request);
        var id = request.Query["bridgeId"].FirstOrDefault() ?? Guid.NewGuid().ToString("N");
        _bridges[id] = true;
        return Refused(request) ?? Results.Json(new { id, technology = "simple_bridge", bridge_type = "mixing", channels = Array.Empty<string>() });
    }

    private IResult DestroyBridge(string id, HttpRequest request)
    {
        seen.Record(request);
        if (Refused(request) is { } refused)
        {
            return refused;
        }
        if (!_bridges.TryRemove(id, out _))
        {
            return NotFound("Bridge not found");
        }
        if (_recordings.TryRemove(id, out var name))
        {
            _ = Task.Run(() => events.SendAsync(new
            {
                type = "RecordingFinished", timestamp = clock.Now(), application = FakeAri.App,
                recording = new { name, format = "wav", state = "done", target_uri = $"bridge:{id}", duration = 1 },
            }));
        }
        return Results.NoContent();
    }

    /// <summary>ARI's <c>POST /bridges/{id}/record</c>: a LiveRecording, queued.</summary>
    private IResult RecordBridge(string id, HttpRequest request)
    {
        seen.Record(request);
        if (Refused(request) is { } refused)
        {
            return refused;
        }
        if (!_bridges.ContainsKey(id))
        {
            return NotFound("Bridge not found");
        }
        var name = request.Query["name"].FirstOrDefault() ?? "";
        _recordings[id] = name;
        return Results.Json(new { name, format = request.Query["format"].FirstOrDefault(), state = "queued", target_uri = $"bridge:{id}" },
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>A channel added to or removed from a bridge: both must exist.</summary>
    private IResult InBridge(HttpRequest request, string id)
    {
        seen.Record(request);
        var channel = request.Query["channel"].FirstOrDefault() ?? "";
        return Refused(request)
            ?? (!_bridges.ContainsKey(id) ? NotFound("Bridge not found")
            : !Channels.ContainsKey(channel) ? Results.Json(new { message = "Channel not found" }, statusCode: StatusCodes.Status400BadRequest)
            : Results.NoContent());
    }

    private IResult OnChannel(HttpRequest request, string id, Func<IResult> ok)
    {
        seen.Record(request);
        return Refused(request) ?? (Channels.ContainsKey(id) ? ok() : NotFound("Channel not found"));
    }

    private IResult? Refused(HttpRequest request)
    {
        if (request.Headers.Authorization.FirstOrDefault() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeAri.User}:{FakeAri.Password}")))
        {
            return Results.Json(new { message = "Authentication required" }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var failure = Failures.FirstOrDefault(f => request.Path.Value!.Contains(f.Key, StringComparison.Ordinal));
        return failure.Key is null ? null : Results.Json(new { message = "Internal Server Error" }, statusCode: failure.Value);
    }

    private static IResult NotFound(string message) => Results.Json(new { message }, statusCode: StatusCodes.Status404NotFound);
}
