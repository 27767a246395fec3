using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Channels;
using Switchboard.Grains.DailySummary;
using Switchboard.Grains.Webhooks;
using Switchboard.Silo.Hosting;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// A one-silo test cluster with the real SQLite providers in a temp directory and a fake clock:
/// grain timers follow <see cref="Clock"/>, Orleans' own background work keeps the system clock.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Name = nameof(ClusterFixture);

    private readonly TempDirectory _data = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public LostAnswers LostAnswers { get; } = new();
    public GrainCallCounts Calls { get; } = new();
    public FailingReminderTable Reminders { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    public string DataDirectory => _data.Path;
    /// <summary>What the silo's outboxes send to Telegram.</summary>
    public ScriptedSender Telegram { get; } = new(ChannelNames.Telegram);
    /// <summary>What the silo's call grains push to PBXs.</summary>
    public RecordingPhonePort Pbx { get; } = new();
    /// <summary>What the silo's outboxes send to WhatsApp.</summary>
    public ScriptedSender WhatsApp { get; } = new(ChannelNames.WhatsApp);
    /// <summary>What the silo's waiting-help bot finds when it looks up an order.</summary>
    public ScriptedOrders Orders { get; } = new();
    /// <summary>What the silo's webhook outboxes post to retailers' endpoints.</summary>
    public ScriptedWebhooks Webhooks { get; } = new();
    /// <summary>The daily summaries the silo's grains send.</summary>
    public RecordingMailer Mailer { get; } = new();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = _data.Path,
                ["Encryption:MasterKey"] = TestKeys.MasterKeyBase64,
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSwitchboardGrains(configuration);
            silo.Services.AddSwitchboardSqlite(configuration);
            silo.Services.AddSingleton<IChannelSender>(Telegram);
            silo.Services.AddSingleton<IPhoneCommandPort>(Pbx);
            silo.Services.AddSingleton<IChannelSender>(WhatsApp);
            silo.Services.AddSingleton<Switchboard.Contracts.Help.IOrderStatusPort>(Orders);
            silo.Services.AddSingleton<IWebhookSender>(Webhooks);
            silo.Services.AddSingleton<ISummaryMailer>(Mailer);
            silo.Services.AddSingleton<IDailyFiguresSource, LiveDailyFigures>();
            silo.Services.AddSingleton<IReminderTable>(services =>
                Reminders = new FailingReminderTable(ActivatorUtilities.CreateInstance<Switchboard.Silo.Storage.Sqlite.SqliteReminderTable>(services)));
            silo.AddIncomingGrainCallFilter(LostAnswers.Invoke);
            silo.AddIncomingGrainCallFilter(Calls.Invoke);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(ClusterFixture.Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
