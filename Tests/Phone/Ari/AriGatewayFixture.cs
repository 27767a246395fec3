using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>
/// A gateway on a fake clock with a CRM, its log captured; each test connects a fresh site of it to its own
/// <see cref="FakeAri"/>. The silo's own upkeep stays on real time, so advancing the clock moves only the product's timers.
/// </summary>
public sealed class AriGatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public AriGatewayFixture() => Host = new GatewayHost(_data.Path, new Dictionary<string, string> { ["Crm:Endpoint"] = Crm.Endpoint }, Logs,
        services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });

    public AriTestClock Clock { get; } = new();
    public FakeCrm Crm { get; } = FakeCrm.Start();
    public CapturedLogs Logs { get; } = new();
    public GatewayHost Host { get; }

    /// <summary>
    /// A fresh site whose calls come from <paramref name="ari"/>, once its events socket is open. Disposing it takes the
    /// site's ARI settings away again, so no connection outlives its test's fake.
    /// </summary>
    public async Task<AriTestSite> SiteAsync(FakeAri ari, params (string Login, int Capacity, string[] Queues)[] operators)
    {
        var site = await TestSites.CreateAsync(Host.Grains, operators);
        Configure(site, ari.BaseUrl.ToString());
        await ari.WaitForConnectionsAsync(1);
        return new AriTestSite(site, () => Configure(site, null));
    }

    /// <summary>
    /// The site's ARI adapter stopped and started again, as the gateway restarting: the events socket closed and opened
    /// anew, and nothing of the calls left in the adapter's memory; Asterisk and the grains keep theirs.
    /// </summary>
    public async Task RestartAdapterAsync(string site, FakeAri ari)
    {
        var connections = ari.Connections;
        Configure(site, null);
        Configure(site, ari.BaseUrl.ToString());
        await ari.WaitForConnectionsAsync(connections + 1);
    }

    /// <summary>Recording on for the site's calls (<c>Ari:Record</c>): its connection starts again with the new settings.</summary>
    public async Task RecordCallsAsync(string site, FakeAri ari)
    {
        var connections = ari.Connections;
        Host.Services.GetRequiredService<IConfiguration>()[$"Phone:Sites:{site}:Ari:Record"] = "true";
        Host.Services.GetRequiredService<AriService>().Refresh();
        await ari.WaitForConnectionsAsync(connections + 1);
    }

    /// <summary>Interim per-site settings live in configuration (AriSettings); set at run time, then picked up by a refresh.</summary>
    private void Configure(string site, string? baseUrl)
    {
        var configuration = Host.Services.GetRequiredService<IConfiguration>();
        var ari = $"Phone:Sites:{site}:Ari";
        configuration[$"{ari}:BaseUrl"] = baseUrl;
        configuration[$"{ari}:User"] = FakeAri.User;
        configuration[$"{ari}:Password"] = FakeAri.Password;
        configuration[$"{ari}:App"] = FakeAri.App;
        configuration[$"{ari}:MediaBaseUrl"] = Host.BaseAddress.ToString();
        Host.Services.GetRequiredService<AriService>().Refresh();
    }

    /// <summary>Waits until the log holds an entry that <paramref name="match"/>es.</summary>
    public Task LogAsync(Func<string, bool> match, string what) => UntilAsync(() => Task.FromResult(Logs.Entries.Any(match)), $"a log line {what}");

    /// <summary>
    /// Asks until <paramref name="done"/>, within the signal timeout: the adapter asks the grains after the fake's event,
    /// one-way from the test's point of view.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + Waits.Signal;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {what} within {Waits.Signal}");
            await Task.Yield();
        }
    }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
        Logs.Dispose();
        Crm.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
