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
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled)
        {
            return;
        }
        var created = await grains.Grain<ISiteGrain>(GrainKeys.Site(DemoSite.Id))
            .CreateIfAbsent(DemoSite.Build(demo.Value.OperatorPassword));
        if (created)
        {
            logger.LogInformation("Seeded the demo site '{Site}'", DemoSite.Id);
        }
        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
