using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.LoadTests.Campaigns;

/// <summary>
/// A PBX for the campaign benchmark: takes the product's <c>originate</c> commands at its <c>commandUrl</c>, and for
/// each call, after 1–10 s (the customer picking up), answers it, presses 1 and hangs up through the phone hook. It
/// records when each originate arrived and when each call's end was sent (the moment a line came free), and how
/// many calls were in progress at once.
/// </summary>
public sealed class DiallingPbx : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<string, string, string, object?, Task> _hook;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double> _originatedMs = [];
    private readonly List<double> _freedMs = [];
    private readonly Lock _gate = new();
    private readonly TimeSpan _minAnswer;
    private readonly TimeSpan _maxAnswer;
    private int _inProgress;
    private int _failures;

    private DiallingPbx(WebApplication app, Func<string, string, string, object?, Task> hook, TimeSpan minAnswer, TimeSpan maxAnswer)
    {
        _app = app;
        _hook = hook;
        _minAnswer = minAnswer;
        _maxAnswer = maxAnswer;
    }

    public string CommandUrl { get; private set; } = "";
    public int MostAtOnce { get; private set; }
    public int Failures => _failures;

    /// <summary>Originate arrival times, in ms since the PBX started, in arrival order.</summary>
    public IReadOnlyList<double> Originated { get { lock (_gate) { return [.. _originatedMs]; } } }

    /// <summary>When each call's end was sent (its line came free), in ms since the PBX started, in order.</summary>
    public IReadOnlyList<double> Freed { get { lock (_gate) { return [.. _freedMs]; } } }

    /// <summary><paramref name="hook"/> posts one event of a call: call id, number, type, data.</summary>
    public static async Task<DiallingPbx> StartAsync(Func<string, string, string, object?, Task> hook, TimeSpan minAnswer, TimeSpan maxAnswer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pbx = new DiallingPbx(app, hook, minAnswer, maxAnswer);
        app.MapPost("/commands", pbx.TakeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        pbx.CommandUrl = address.TrimEnd('/') + "/commands";
        return pbx;
    }

    private async Task<IResult> TakeAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var command = body.RootElement;
        if (command.GetProperty("type").GetString() != "originate")
        {
            return Results.Ok();
        }
        var callId = command.GetProperty("callId").GetString()!;
        var to = command.GetProperty("to").GetString()!;
        lock (_gate)
        {
            _originatedMs.Add(_clock.Elapsed.TotalMilliseconds);
            _inProgress++;
            MostAtOnce = Math.Max(MostAtOnce, _inProgress);
        }
        _ = Task.Run(() => CallAsync(callId, to));
        return Results.Ok();
    }

    private async Task CallAsync(string callId, string to)
    {
        try
        {
            var ring = _minAnswer + (_maxAnswer - _minAnswer) * Random.Shared.NextDouble();
            await Task.Delay(ring);
            await _hook(callId, to, "call.answered", null);
            await _hook(callId, to, "input.dtmf", new { digits = "1" });
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failures);
        }
        lock (_gate)
        {
            _inProgress--;
            _freedMs.Add(_clock.Elapsed.TotalMilliseconds);
        }
        try
        {
            await _hook(callId, to, "call.ended", new { reason = "completed" });
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
