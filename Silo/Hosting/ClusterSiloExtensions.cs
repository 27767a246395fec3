using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Switchboard.Grains;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Reports;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Cluster mode: any number of silos with Redis membership, grain state and reminders in PostgreSQL through
/// the Orleans ADO.NET providers, and the conversation event log in PostgreSQL. The grains are the same as
/// standalone; only these providers differ.
/// </summary>
public static class ClusterSiloExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Where membership tuning lives, bound onto Orleans' own <see cref="ClusterMembershipOptions"/>.</summary>
    public const string MembershipSection = "Cluster:Membership";

    /// <summary>Bound onto Orleans' <see cref="SiloMessagingOptions"/> (e.g. <c>ResponseTimeout</c>).</summary>
    public const string MessagingSection = "Cluster:Messaging";

    /// <summary>The ADO.NET provider's own name; grains use <see cref="StorageNames.Provider"/>, which seals over it.</summary>
    public const string SealedStorageName = StorageNames.Provider + "-sealed";

    public static ISiloBuilder UseSwitchboardCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ClusterModeOptions.From(configuration);
        var postgres = cluster.RequirePostgres();
        var advertised = AdvertisedAddress.Resolve(cluster.AdvertisedIP);

        silo.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = cluster.ServiceId;
            options.ClusterId = cluster.ClusterId;
        });
        silo.UseRedisClustering(cluster.RequireRedis());
        silo.Configure<EndpointOptions>(options =>
        {
            options.AdvertisedIPAddress = advertised;
            options.SiloPort = cluster.SiloPort;
            options.GatewayPort = cluster.GatewayPort;
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        silo.Configure<SiloMessagingOptions>(configuration.GetSection(MessagingSection));
        silo.UseClusterDirectoryCache(configuration);

        // The ADO.NET provider stores sealed bytes (SealedGrainStorage, under the provider's name, seals them with
        // the site's keys); its rows are the same as before sealing existed, so older state still reads.
        silo.AddAdoNetGrainStorage(SealedStorageName, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options
            .Configure(storage =>
            {
                storage.Invariant = NpgsqlInvariant;
                storage.ConnectionString = postgres;
                storage.GrainStorageSerializer = new StateEnvelopeSerializer();
            }));
        silo.Services.AddGrainStorage(StorageNames.Provider, (services, _) => new SealedGrainStorage(
            services.GetRequiredKeyedService<IGrainStorage>(SealedStorageName),
            // Orleans' binary format, as in standalone: state types carry [Id]s and [Alias]es.
            services.GetRequiredService<Orleans.Serialization.Serializer>(),
            services.GetRequiredService<ConversationKeys>()));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = postgres;
        });

        silo.Services.AddSwitchboardGrains(configuration);
        silo.Services.AddSwitchboardMessengers(configuration);
        silo.Services.AddSwitchboardIntegrations(configuration);
        silo.Services.AddSwitchboardPostgres(configuration, postgres);
        silo.Services.AddSwitchboardReports<PostgresReportDatabase>(configuration);
        silo.Services.AddSwitchboardCampaigns<Storage.Campaigns.PostgresCampaignDatabase>(configuration);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();
        silo.Services.AddMembershipWatchdog(configuration);
        silo.AddSwitchboardDashboard(configuration);
        return silo;
    }

    /// <summary>Standalone or cluster, as <c>Cluster:Mode</c> says.</summary>
    public static ISiloBuilder UseSwitchboard(this ISiloBuilder silo, IConfiguration configuration) =>
        ClusterModeOptions.From(configuration).IsCluster
            ? silo.UseSwitchboardCluster(configuration)
            : silo.UseSwitchboardStandalone(configuration);
}
