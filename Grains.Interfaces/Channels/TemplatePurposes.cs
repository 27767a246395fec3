namespace Switchboard.Contracts.Channels;

/// <summary>The automatic messages a WhatsApp template can stand in for when the 24-hour window is closed.</summary>
public static class TemplatePurposes
{
    public const string Hold = "hold";
    public const string Overflow = "overflow";
    public const string Joined = "joined";
    public const string Close = "close";

    public static IReadOnlyList<string> All { get; } = [Hold, Overflow, Joined, Close];

    public static bool IsKnown(string? purpose) => purpose is Hold or Overflow or Joined or Close;
}
