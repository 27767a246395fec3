using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Gateway.Auth;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Silo.Hosting;
using Switchboard.Silo.Storage;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Start-up: seeds the demo site when it does not exist yet (unless <c>Demo:Enabled</c> is false), then prints
/// where to go, the demo logins and where the data lives. Runs after the co-hosted silo or the cluster client
/// has started; several gateways seeding at once is fine, as the site grain creates it only once.
/// </summary>
public sealed class DemoSeeder(
    IGrainFactory grains,
    IOptions<DemoOptions> demo,
    ClusterDashboardOptions dashboard,
    OperationsAccount operations,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : IHostedService
{
    /// <summary>Tries of the seeding call before the gateway's start fails.</summary>
    public const int Attempts = 3;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled)
        {
            return;
        }
        var created = await CreateDemoSiteAsync();
        if (created)
        {
            logger.LogInformation("Seeded the demo site '{Site}'", DemoSite.Id);
        }
        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A gateway starting beside silos that are still busy (starting themselves, or taking over a lost silo's grains)
    /// may see this first call time out. Creating the site is idempotent, so it is tried again rather than failing
    /// the gateway's start.
    /// </summary>
    private async Task<bool> CreateDemoSiteAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.Grain<ISiteGrain>(GrainKeys.Site(DemoSite.Id)).CreateIfAbsent(DemoSite.Build(demo.Value.OperatorPassword));
            }
            catch (TimeoutException error) when (attempt < Attempts)
            {
                logger.LogWarning(error, "Seeding the demo site timed out (attempt {Attempt} of {Attempts}); trying again", attempt, Attempts);
            }
        }
    }

    private void PrintBanner()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = urls.FirstOrDefault() ?? "(no address)";
        Console.WriteLine($"""

            Switchboard is running ({Mode()}).
              Demo store:  {url}/
              Console:     {url}/console/
              Dashboard:   {DashboardLocation(url)}
              Logins:      anna, boris (operators), olga (supervisor) on site "demo", password "{demo.Value.OperatorPassword}"
              Operations:  {OperationsLogin()}
              Data:        {DataLocation()}

            """);
    }

    private string DashboardLocation(string url) =>
        dashboard.Enabled ? $"{url}{dashboard.Path}/ (the operations account)" : "off (Dashboard:Enabled=false)";

    private string OperationsLogin() => operations.Login is { } login
        ? $"{login} on site \"{OperationsAccount.Site}\" (cluster dashboard){(login == OperationsAccount.DemoLogin ? ", the demo password" : "")}"
        : "none (Operations:Login)";

    private string Mode() => ClusterModeOptions.From(configuration).IsCluster ? "cluster mode, a gateway" : "standalone";

    private string DataLocation()
    {
        if (ClusterModeOptions.From(configuration).IsCluster)
        {
            return "PostgreSQL (Cluster:Postgres)";
        }
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        return Path.Combine(storage.FullDataDirectory, Silo.Storage.Sqlite.SqliteDatabase.FileName);
    }
}
