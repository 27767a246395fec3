using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Limits;

/// <summary>
/// A gateway with small limits, so a test reaches each with a handful of frames. Refills are a token a minute: none comes
/// during a test, so every count is exact (refilling is <see cref="ClockedTokenBucketTests"/>' business, on a fake clock).
/// </summary>
public sealed class LimitedGatewayFixture : IDisposable
{
    public const int PageBurst = 5;
    public const int RefusedBurst = 3;
    public const int ChatStarts = 2;
    public const int DraftLength = 20;
    public const int PagesKept = 4;

    private readonly TempDirectory _data = new();

    public LimitedGatewayFixture() => Host = new GatewayHost(_data.Path, new Dictionary<string, string>
    {
        ["Limits:Frames:page:PerMinute"] = "1",
        ["Limits:Frames:page:Burst"] = $"{PageBurst}",
        ["Limits:RefusedFrames:PerMinute"] = "1",
        ["Limits:RefusedFrames:Burst"] = $"{RefusedBurst}",
        ["Limits:ChatStartsPerVisitor:PerMinute"] = "1",
        ["Limits:ChatStartsPerVisitor:Burst"] = $"{ChatStarts}",
        ["Limits:TypingDraftLength"] = $"{DraftLength}",
        ["Limits:PagesPerVisit"] = $"{PagesKept}",
    }, Logs);

    public CapturedLogs Logs { get; } = new();

    public GatewayHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _data.Dispose();
    }
}
