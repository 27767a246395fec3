using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>A gateway whose sites all have the generic phone adapter with <see cref="FakePbx.Secret"/>, its log captured.</summary>
public sealed class PhoneGatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public PhoneGatewayFixture() => Host = new GatewayHost(_data.Path,
        new Dictionary<string, string> { ["Phone:SigningSecret"] = FakePbx.Secret }, Logs);

    public CapturedLogs Logs { get; } = new();
    public GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
        Logs.Dispose();
    }
}
