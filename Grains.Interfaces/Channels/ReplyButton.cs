namespace Switchboard.Contracts.Channels;

/// <summary>A button under a message sent to a messenger: what it says, and what comes back when it is tapped.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ReplyButton")]
public sealed record ReplyButton(
    [property: Id(0)] string Label,
    [property: Id(1)] string Payload)
{
    /// <summary>The payload of a rating button: <c>rate:1</c> … <c>rate:5</c>.</summary>
    public const string RatePrefix = "rate:";

    /// <summary>A quick reply answers with its own words.</summary>
    public static ReplyButton Reply(string text) => new(text, text);
}
