using System.ComponentModel.DataAnnotations;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// The <c>Limits</c> configuration section: what one client may make the gateway hold or do. Each is documented, with
/// its default and when to change it, in docs/security.md; the defaults leave room for a shopping mall's shared address.
/// </summary>
public sealed class ClientLimits
{
    public const string Section = "Limits";

    /// <summary>Bytes a socket may have waiting to be sent before it is judged too slow and closed (it reconnects and resumes).</summary>
    [Range(16 * 1024, 1024 * 1024 * 1024)]
    public int OutboundQueueBytes { get; set; } = 1024 * 1024;

    /// <summary>Per socket and frame type; a type not named here gets <see cref="OtherFrames"/>.</summary>
    public Dictionary<string, RateLimit> Frames { get; set; } = new(StringComparer.Ordinal)
    {
        ["hello"] = RateLimit.Of(perMinute: 10, burst: 3),
        ["page"] = RateLimit.Of(perMinute: 60, burst: 20),
        ["cart"] = RateLimit.Of(perMinute: 60, burst: 20),
        ["typing"] = RateLimit.Of(perMinute: 240, burst: 20),
        ["message"] = RateLimit.Of(perMinute: 240, burst: 40),
        ["start_chat"] = RateLimit.Of(perMinute: 20, burst: 5),
        // Co-browsing (docs/cobrowsing.md): a snapshot comes as a burst of parts, then changes at most about once a
        // second; scroll and pointer a few times a second; consent and the operator's guiding by hand.
        ["cobrowse"] = RateLimit.Of(perMinute: 30, burst: 10),
        ["cobrowse_dom"] = RateLimit.Of(perMinute: 120, burst: 24),
        ["cobrowse_view"] = RateLimit.Of(perMinute: 600, burst: 30),
        ["cobrowse_guide"] = RateLimit.Of(perMinute: 60, burst: 10),
    };

    public RateLimit OtherFrames { get; set; } = RateLimit.Of(perMinute: 600, burst: 60);

    /// <summary>
    /// What an operator's socket gets of every frame rate above (and of the refused frames): this many times a
    /// visitor's. Operators are signed in, and their console sends again what an outage refused, for all their chats.
    /// </summary>
    [Range(1, 1000)]
    public int OperatorRateFactor { get; set; } = 10;

    /// <summary>Refused frames a socket may send before it is closed with 1008 (policy violation): abuse, not a burst.</summary>
    public RateLimit RefusedFrames { get; set; } = RateLimit.Of(perMinute: 30, burst: 50);

    /// <summary>New WebSocket connections per client address.</summary>
    public RateLimit ConnectionsPerAddress { get; set; } = RateLimit.Of(perMinute: 1200, burst: 600);

    /// <summary>Open sockets per client address at once.</summary>
    [Range(1, 10_000_000)]
    public int SocketsPerAddress { get; set; } = 5000;

    /// <summary><c>hello</c>s without a visitor token per client address: each creates a visitor.</summary>
    public RateLimit NewVisitorsPerAddress { get; set; } = RateLimit.Of(perMinute: 600, burst: 300);

    /// <summary>Chats one visitor may start (a retried start of the same chat counts too).</summary>
    public RateLimit ChatStartsPerVisitor { get; set; } = RateLimit.Of(perMinute: 10, burst: 5);

    /// <summary>Login attempts per account (site and login), whoever makes them.</summary>
    public RateLimit LoginsPerAccount { get; set; } = RateLimit.Of(perMinute: 10, burst: 10);

    /// <summary>Login attempts per client address, whichever account.</summary>
    public RateLimit LoginsPerAddress { get; set; } = RateLimit.Of(perMinute: 20, burst: 20);

    /// <summary>
    /// Largest co-browsing frame, below the socket's own limit: a page's snapshot comes in parts of at most this, so
    /// one page never holds a socket (or the operator's send queue) for long.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int CoBrowseFrameBytes { get; set; } = 32 * 1024;

    /// <summary>Parts of one co-browsing snapshot: a page larger than this many frames is not shown.</summary>
    [Range(1, 1024)]
    public int CoBrowseSnapshotParts { get; set; } = 16;

    /// <summary>Longest typing draft passed to the operator: a preview, cut here.</summary>
    [Range(0, 1024 * 1024)]
    public int TypingDraftLength { get; set; } = 500;

    /// <summary>Events of the transcript an operator's <c>assigned</c> frame carries: the latest ones.</summary>
    [Range(1, 100_000)]
    public int AssignedEvents { get; set; } = 200;

    /// <summary>Pages of the visit an operator's <c>assigned</c> frame carries: the latest ones.</summary>
    [Range(0, 10_000)]
    public int AssignedPages { get; set; } = 50;

    public RateLimit FrameRate(string type) => Frames.GetValueOrDefault(type) ?? OtherFrames;
}
