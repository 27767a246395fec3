namespace Switchboard.Gateway.Channels.Phone;

/// <summary>CHANNELS.md: <c>{"type":"originate","callId","to","callerId?","timeoutSeconds","campaign?"}</c>.</summary>
public sealed record OriginateCommand(string CallId, string To, int TimeoutSeconds)
{
    public const int RingSeconds = 30;

    public string Type => "originate";
    public string? CallerId { get; init; }
    public string? Campaign { get; init; }
}
