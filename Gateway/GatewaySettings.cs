namespace Switchboard.Gateway;

/// <summary>
/// The <c>Gateway</c> configuration section: limits of the wire and of operator tokens. Not named after the section:
/// Orleans has a <c>GatewaySettings</c> of its own, and a type of this namespace would silently win over it.
/// </summary>
public sealed class GatewaySettings
{
    public const string Section = "Gateway";

    /// <summary>Largest WebSocket frame accepted; larger ones get <c>too_large</c> and are dropped.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>Longest message text accepted.</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>How long an operator's login token is valid.</summary>
    public TimeSpan OperatorTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Frames a socket may queue for sending before it is judged too slow and closed.</summary>
    public int MaxQueuedFrames { get; set; } = 4096;
}
