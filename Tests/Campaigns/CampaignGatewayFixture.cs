using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Phone;

namespace Switchboard.Tests.Campaigns;

/// <summary>
/// A gateway on a fake clock (starting at the real time: operator tokens expire by the real clock) whose sites have the generic phone adapter, a CRM and an SMS gateway;
/// each test makes its own site and PBX <c>commandUrl</c>. The silo's upkeep stays on real time; campaigns pace on the fake
/// clock, which the tests move, then ask the campaign to look for due contacts (what its timer and reminder do).
/// </summary>
public sealed class CampaignGatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public CampaignGatewayFixture() => Host = new GatewayHost(_data.Path, new Dictionary<string, string>
        {
            ["Phone:SigningSecret"] = FakePbx.Secret,
            ["Crm:Endpoint"] = Crm.Endpoint,
            ["Campaigns:Sms:Url"] = Sms.Url,
            // The tests tick the campaigns themselves; an hour's pace keeps the timer from racing them when the clock jumps.
            ["Campaigns:PaceSeconds"] = "3600",
        }, Logs,
        services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public FakeCrm Crm { get; } = FakeCrm.Start();
    public FakeSmsGateway Sms { get; } = FakeSmsGateway.Start();
    public CapturedLogs Logs { get; } = new();
    public GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
        Logs.Dispose();
        Crm.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Sms.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
