using System.Text;
using Switchboard.Contracts.Conversations;

namespace Switchboard.LoadTests.Bench;

/// <summary>The hot path's frames: a visitor's message coming in, and the message event going out to a socket.</summary>
public static class FrameWorkload
{
    public const string ConversationId = "3f2c9a7e1b4d4e0f9a8b7c6d5e4f3a2b";

    public static readonly byte[] InboundMessage =
        Encoding.UTF8.GetBytes("""{"type":"message","id":"m-1733310000000-17","text":"Hello! Is the blue jacket in stock in size 42?"}""");

    /// <summary>The same frame cut short: what a refusal costs.</summary>
    public static readonly byte[] MalformedMessage =
        Encoding.UTF8.GetBytes("""{"type":"message","id":"m-1733310000000-17","text":"Hello! Is the blue jacket""");

    public static readonly ConversationEvent MessageEvent = new()
    {
        Seq = 17,
        Type = EventTypes.Message,
        At = new DateTimeOffset(2026, 12, 4, 12, 0, 0, 123, TimeSpan.Zero),
        ClientId = "m-1733310000000-17",
        From = "visitor",
        AuthorId = "v-5b1f",
        Author = "Anna",
        Text = "Hello! Is the blue jacket in stock in size 42?",
        Kind = MessageKinds.Text,
    };
}
