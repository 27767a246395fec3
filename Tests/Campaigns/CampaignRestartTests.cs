using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;
using static Switchboard.Tests.Campaigns.CampaignCallTests;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// The host dies mid-campaign (standalone: the silo with it) and a new one starts over the same data: calls claimed
/// before the death are not dialled again, their ends still count, and the contacts not yet called are called.
/// </summary>
public sealed class CampaignRestartTests
{
    [Fact]
    public async Task After_a_restart_no_contact_is_dialled_twice_for_a_step_and_none_is_forgotten()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var commands = await FakeCommandReceiver.StartAsync();
        string site, id, token;
        var dialled = new List<string>();
        using (var before = Start(data.Path, clock, commands.Url))
        {
            site = await TestSites.CreateAsync(before.Grains, ("anna", 2, ["general"]));
            token = await before.LoginAsync(site, "sup");
            await using var shop = await CampaignSiteFor(before, site, token, commands);
            id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", concurrency: 2, maxAttempts: 2));
            await shop.AddContactsAsync(id, Enumerable.Range(1, 3).Select(i => new { phone = $"+7900555000{i}", data = new { quote = $"Q-{i}" } }).ToArray());
            await shop.LifecycleAsync(id, "start");
            dialled.Add((await shop.NextOriginateAsync()).Str("callId"));
            dialled.Add((await shop.NextOriginateAsync()).Str("callId"));
        }

        using var after = Start(data.Path, clock, commands.Url);
        token = await after.LoginAsync(site, "sup");
        await using var again = await CampaignSiteFor(after, site, token, commands);
        await again.TickAsync(id);
        await again.NoOriginateAsync();
        await again.Pbx.SendAsync(dialled[0], "call.answered");
        await again.Pbx.SendAsync(dialled[0], "input.dtmf", new { digits = "1" });
        await again.Pbx.SendAsync(dialled[0], "call.ended", new { reason = "completed" });
        dialled.Add((await again.NextOriginateAsync()).Str("callId"));
        await again.Pbx.SendAsync(dialled[1], "call.ended", new { reason = "failed" });
        await again.Pbx.SendAsync(dialled[2], "call.ended", new { reason = "no_answer" });
        clock.Advance(TimeSpan.FromMinutes(20));
        await again.TickAsync(id);
        dialled.Add((await again.NextOriginateAsync()).Str("callId"));
        dialled.Add((await again.NextOriginateAsync()).Str("callId"));
        await again.NoOriginateAsync();

        Assert.Equal(dialled.Count, dialled.Distinct().Count());
        Assert.Equal(3, dialled.Select(c => c.Split('-')[2]).Distinct().Count());
        Assert.Equal((1, 2, 2), Counts(await again.ProgressAsync(id), "yes", "calling", "remaining"));
    }

    private static GatewayHost Start(string data, FakeTimeProvider clock, string commandUrl) => new(data, new Dictionary<string, string>
        {
            ["Phone:SigningSecret"] = FakePbx.Secret,
            ["Phone:CommandUrl"] = commandUrl,
            ["Campaigns:PaceSeconds"] = "3600",
        }, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });

    private static Task<CampaignSite> CampaignSiteFor(GatewayHost host, string site, string token, FakeCommandReceiver commands) =>
        Task.FromResult(CampaignSite.For(host, site, token, commands));
}
