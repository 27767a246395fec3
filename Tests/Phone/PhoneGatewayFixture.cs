using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>A gateway whose sites all have the generic phone adapter with <see cref="FakePbx.Secret"/> and a CRM, its log captured.</summary>
public sealed class PhoneGatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public PhoneGatewayFixture() => Host = new GatewayHost(_data.Path,
        new Dictionary<string, string> { ["Phone:SigningSecret"] = FakePbx.Secret, ["Crm:Endpoint"] = Crm.Endpoint }, Logs);

    /// <summary>The sites' CRM: a caller's card and orders come from it, as from a retailer's own.</summary>
    public FakeCrm Crm { get; } = FakeCrm.Start();

    public CapturedLogs Logs { get; } = new();
    public GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
        Logs.Dispose();
        Crm.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
