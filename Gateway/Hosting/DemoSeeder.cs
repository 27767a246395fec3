using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Sites;
using Switchboard.Silo.Storage;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Standalone start-up: seeds the demo site when it does not exist yet, then prints where to go,
/// the demo logins and where the data lives. Runs after the co-hosted silo has started.
/// </summary>
public sealed class DemoSeeder(
    IGrainFactory grains,
    IOptions<DemoOptions> demo,
    StorageOptions storage,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await grains.GetGrain<ISiteGrain>(GrainKeys.Site(DemoSite.Id))
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

            Switchboard is running (standalone).
              Demo store:  {url}/
              Console:     {url}/console/
              Logins:      anna, boris (operators), olga (supervisor) on site "demo", password "{demo.Value.OperatorPassword}"
              Data:        {Path.Combine(storage.FullDataDirectory, Silo.Storage.Sqlite.SqliteDatabase.FileName)}

            """);
    }
}
