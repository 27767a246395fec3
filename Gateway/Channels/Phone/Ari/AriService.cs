using System.Collections.Concurrent;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// Keeps an events connection to the Asterisk of every site with ARI settings (<see cref="AriSettings"/>), and starts
/// call backs on it. <see cref="Refresh"/> picks up sites whose settings appeared, changed or went since it last looked.
/// </summary>
public sealed class AriService(
    AriSettings settings, IHttpClientFactory http, IGrainFactory grains, IServiceProvider services, TimeProvider clock,
    ILogger<AriService> logger) : IHostedService
{
    public const string HttpClientName = "ari";

    private sealed record Running(AriSite Site, AriCallFlow Flow, CancellationTokenSource Stop, Task Connection, Task Line);

    private readonly ConcurrentDictionary<string, Running> _sites = new();
    private readonly Lock _refreshing = new();
    private bool _stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Refresh();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_refreshing)
        {
            _stopped = true;
        }
        await Task.WhenAll(_sites.Values.Select(StopAsync));
    }

    /// <summary>Connects sites newly configured for ARI (or configured differently) and lets go of those no longer.</summary>
    public void Refresh()
    {
        lock (_refreshing)
        {
            if (_stopped)
            {
                return;
            }
            var wanted = settings.Sites().ToDictionary(s => s.Site);
            foreach (var (site, running) in _sites.Where(r => !wanted.TryGetValue(r.Key, out var now) || now != r.Value.Site))
            {
                _sites.TryRemove(site, out _);
                _ = StopAsync(running);
            }
            foreach (var site in wanted.Values.Where(s => !_sites.ContainsKey(s.Site)))
            {
                _sites[site.Site] = Start(site);
            }
        }
    }

    /// <summary>Whether <paramref name="site"/>'s calls go through an Asterisk over ARI.</summary>
    public bool Serves(string site) => _sites.ContainsKey(site);

    /// <summary>Starts an operator's call back over ARI; a <see cref="PhoneCommandException"/> when Asterisk refuses it.</summary>
    public Task OriginateAsync(string site, string callId, string number, string? operatorId, CancellationToken cancellationToken) =>
        _sites.TryGetValue(site, out var running)
            ? running.Flow.OriginateAsync(callId, number, operatorId, cancellationToken)
            : throw new PhoneCommandException($"Site {site} has no ARI connection.");

    private Running Start(AriSite site)
    {
        var ari = new AriClient(http.CreateClient(HttpClientName), site);
        var flow = new AriCallFlow(ari, grains, services, clock, logger);
        var stop = new CancellationTokenSource();
        var connection = new AriConnection(ari, flow, clock, logger);
        var line = new AriCommandLine(flow, grains, clock, logger);
        return new Running(site, flow, stop, Task.Run(() => connection.RunAsync(stop.Token)), Task.Run(() => line.RunAsync(site.Site, stop.Token)));
    }

    private static async Task StopAsync(Running running)
    {
        await running.Stop.CancelAsync();
        await running.Connection;
        running.Flow.Stop();
        await running.Line;
        running.Stop.Dispose();
    }
}
