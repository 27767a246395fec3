using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Switchboard.Domain.Limits;
using Switchboard.Domain.Routing;
using Switchboard.Grains;
using Switchboard.Grains.Storage;
using Switchboard.Grains.Telemetry;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Privacy;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Standalone mode: one silo with localhost clustering and everything durable in a local SQLite file.
/// The same grains run in cluster mode; only these providers differ.
/// </summary>
public static class StandaloneSiloExtensions
{
    public static ISiloBuilder UseSwitchboardStandalone(this ISiloBuilder silo, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue<int?>("Orleans:SiloPort") ?? FreeTcpPort();
        // Gateway port 0: the gateway co-hosts the silo, so no outside client needs a listener.
        silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: "switchboard", clusterId: "standalone");
        silo.UseNoDirectoryCache();
        silo.Services.AddSwitchboardGrains(configuration);
        silo.Services.AddSwitchboardSqlite(configuration);
        silo.Services.AddSwitchboardMessengers(configuration);
        silo.Services.AddSwitchboardIntegrations(configuration);
        silo.AddSwitchboardDashboard(configuration);
        return silo;
    }

    public static IServiceCollection AddSwitchboardSqlite(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions());
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteWriter>();
        services.AddSwitchboardEncryption(configuration);
        services.AddSingleton<IDataKeyStore, SqliteDataKeyStore>();
        services.AddSingleton<SqliteEventLog>();
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<SqliteEventLog>());
        services.AddSingleton<IEventLogFeed>(sp => sp.GetRequiredService<SqliteEventLog>());
        services.AddSingleton<IPrivacyStore, SqlitePrivacyStore>();
        services.AddSwitchboardReports<SqliteReportDatabase>(configuration);
        services.AddSwitchboardCampaigns<Storage.Campaigns.SqliteCampaignDatabase>(configuration);
        services.AddSingleton<IEventLogWindows, SqliteEventLogWindows>();
        services.AddReminders();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        // Orleans' own binary format: state types are [GenerateSerializer] with [Id]s and [Alias]es, so stored
        // state survives renames and added fields. Sealed before it is stored, as in a cluster.
        services.AddGrainStorage(StorageNames.Provider, (sp, _) => new SealedGrainStorage(
            ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp, new StateEnvelopeSerializer()),
            sp.GetRequiredService<Orleans.Serialization.Serializer>(),
            sp.GetRequiredService<ConversationKeys>()));
        return services;
    }

    /// <summary>What the grains need whatever the providers: their clock and the routing defaults.</summary>
    public static IServiceCollection AddSwitchboardGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RoutingDefaults>().Bind(configuration.GetSection(RoutingDefaults.Section));
        services.AddOptions<StateLimits>().Bind(configuration.GetSection(StateLimits.Section));
        services.AddMetrics();
        services.TryAddSingleton<SwitchboardMetrics>();
        // Each site's configuration, one copy for all of this silo's grains (read again every ConfigRefreshSeconds).
        services.TryAddSingleton<Grains.Sites.SiteConfigs>();
        // Empty unless this process also hosts sockets (the standalone gateway): then its hub is called directly.
        services.TryAddSingleton<Contracts.Push.LocalPushObservers>();
        // The call grains' way to PBXs; a gateway in the same process replaces it with one that also renders speech.
        services.AddSwitchboardPhoneCommands();
        // The CRM connector for "Where is my order?" is the gateway's; without it the bot hands over to a person.
        services.TryAddSingleton<Contracts.Help.IOrderStatusPort, Grains.Help.NoOrderStatusPort>();
        return services;
    }

    /// <summary>A free loopback port, so several standalone instances can run side by side without configuration.</summary>
    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
