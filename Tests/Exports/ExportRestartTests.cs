using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Exports;
using Switchboard.Grains.Exports;
using Switchboard.Grains.Webhooks;
using Switchboard.Silo.Exports;
using Switchboard.Silo.Hosting;
using Switchboard.Tests.Grains;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Exports;

/// <summary>Scheduled exports resume after the silo is gone: every window written once, in order, none skipped, none repeated.</summary>
public sealed class ExportRestartTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;
    private string ExportDirectory => Path.Combine(_data.Path, "exports");

    public async Task InitializeAsync() => _cluster = await StartSilo();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Windows_are_exported_once_each_across_a_restart_with_every_event_in_exactly_one_file()
    {
        var site = await TestSites.CreateAsync(Grains, ("anna", 4, ["general"]));
        var exports = Grains.GetGrain<IExportGrain>(GrainKeys.Exports(site));
        await exports.Configure(new ExportSettings { Enabled = true, IntervalMinutes = 30 });
        _clock.Advance(TimeSpan.FromMinutes(5));
        var (visitorId, start) = await new ChatDriver(Grains, site).StartChat("Do you deliver on Sundays?");
        var id = start.ConversationId;

        _clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(0, await exports.RunDue());
        _clock.Advance(ExportGrain.Settle);
        Assert.Equal(1, await exports.RunDue());
        _clock.Advance(TimeSpan.FromMinutes(8));
        await Visitor(site, id, visitorId, "v1", "Hello?");
        _clock.Advance(TimeSpan.FromMinutes(30));
        await Visitor(site, id, visitorId, "v2", "Anyone there?");

        // The silo goes away with the 09:30 window ended and not yet exported; a new one starts over the same storage.
        await _cluster.DisposeAsync();
        _cluster = await StartSilo();
        exports = Grains.GetGrain<IExportGrain>(GrainKeys.Exports(site));
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id)).Close(ChatDriver.Visitor(site, visitorId));
        _clock.Advance(TimeSpan.FromMinutes(42));

        Assert.Equal(3, await exports.RunDue());
        Assert.Equal(0, await exports.RunDue());

        var files = Directory.GetFiles(Path.Combine(ExportDirectory, site)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"{site}-20261123T0900Z.ndjson", $"{site}-20261123T0930Z.ndjson", $"{site}-20261123T1000Z.ndjson", $"{site}-20261123T1030Z.ndjson"], files);
        var lines = files.SelectMany(f => File.ReadAllLines(Path.Combine(ExportDirectory, site, f!)).Select(l => (File: f!, Line: JsonDocument.Parse(l).RootElement))).ToList();
        var events = lines.Where(l => l.Line.GetProperty("kind").GetString() == "event").ToList();
        var log = await Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id)).GetEvents(ChatDriver.Visitor(site, visitorId), 0, 1000);
        Assert.Equal(log.Select(e => e.Seq), events.Select(e => e.Line.GetProperty("event").GetProperty("seq").GetInt64()).Order());
        Assert.All(events, e => Assert.Equal(WindowOf(e.Line.GetProperty("event").GetProperty("at").GetDateTimeOffset()), e.File));
        var transcript = Assert.Single(lines, l => l.Line.GetProperty("kind").GetString() == "transcript");
        Assert.Equal($"{site}-20261123T1000Z.ndjson", transcript.File);
        Assert.Equal(["Do you deliver on Sundays?", "Hello?", "Anyone there?"],
            transcript.Line.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("from").GetString() == Senders.Visitor).Select(m => m.GetProperty("text").GetString()));
        var status = await exports.GetStatus();
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), status.NextWindowFrom);

        string WindowOf(DateTimeOffset at) => $"{site}-{at.UtcDateTime:yyyyMMdd'T'HH}{(at.Minute < 30 ? "00" : "30")}Z.ndjson";
    }

    private Task<AppendResult> Visitor(string site, string id, string visitorId, string clientId, string text) =>
        Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id)).Post(ChatDriver.Visitor(site, visitorId), clientId, text);

    private async Task<InProcessTestCluster> StartSilo()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(_clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSwitchboardGrains(configuration);
            silo.Services.AddSwitchboardSqlite(configuration);
            silo.Services.AddSingleton<IWebhookSender>(new ScriptedWebhooks());
            silo.Services.AddSingleton<IExportTarget>(new ExportWriter(ExportOptions.DirectoryFrom(configuration), new HttpClient()));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
