using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.CoBrowsing;

/// <summary>
/// A gateway with small co-browsing limits, so a test reaches each with a few frames; refills are a token a minute, so
/// none comes during a test. The relaying tests send frames well under them.
/// </summary>
public sealed class CoBrowseGatewayFixture : IDisposable
{
    public const int FrameBytes = 2048;
    public const int SnapshotParts = 3;
    public const int ViewBurst = 4;

    private readonly TempDirectory _data = new();

    public CoBrowseGatewayFixture() => Host = new GatewayHost(_data.Path, new Dictionary<string, string>
    {
        ["Limits:CoBrowseFrameBytes"] = $"{FrameBytes}",
        ["Limits:CoBrowseSnapshotParts"] = $"{SnapshotParts}",
        ["Limits:Frames:cobrowse_view:PerMinute"] = "1",
        ["Limits:Frames:cobrowse_view:Burst"] = $"{ViewBurst}",
    });

    public GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
    }
}
