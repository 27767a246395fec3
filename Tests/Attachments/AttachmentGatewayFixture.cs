using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

/// <summary>One gateway per test class over a data directory the tests look into, to see what files were left.</summary>
public sealed class AttachmentGatewayFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public AttachmentGatewayFixture() => Host = new GatewayHost(
        _data.Path, new Dictionary<string, string> { ["Attachments:SpoolDirectory"] = System.IO.Path.Combine(_data.Path, "spool") });

    public GatewayHost Host { get; }
    public string DataDirectory => _data.Path;

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
    }
}
