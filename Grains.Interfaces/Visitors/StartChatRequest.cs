namespace Switchboard.Contracts.Visitors;

/// <summary>A visitor's <c>start_chat</c>, or a messenger contact's first message.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StartChatRequest")]
public sealed record StartChatRequest(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? Queue,
    [property: Id(2)] string? Text,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Form)
{
    /// <summary>Where the chat takes place (<see cref="Conversations.ChannelNames"/>).</summary>
    [Id(4)] public string Channel { get; init; } = Conversations.ChannelNames.Web;
    /// <summary>The person's address on the channel (a Telegram chat id, a phone number); null for web.</summary>
    [Id(5)] public string? ContactId { get; init; }
    [Id(6)] public IReadOnlyList<Conversations.Attachment>? Attachments { get; init; }
}
