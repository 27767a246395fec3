namespace Switchboard.Tests.Infrastructure;

/// <summary>One gateway host per test class; each test makes its own site on it.</summary>
public sealed class GatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public GatewayFixture() => Host = new GatewayHost(_data.Path);

    public GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
    }
}
