namespace Switchboard.Contracts.Conversations;

/// <summary>Everything a new conversation needs, fixed at its start.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StartConversation")]
public sealed record StartConversation(
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string? VisitorName,
    [property: Id(2)] string Queue,
    [property: Id(3)] string ClientId,
    [property: Id(4)] string? Text)
{
    [Id(5)] public IReadOnlyDictionary<string, string>? Form { get; init; }
    [Id(6)] public string? Language { get; init; }
    /// <summary>A returning visitor's or customer's last operator, offered the chat first (sticky routing).</summary>
    [Id(7)] public string? PreferredOperator { get; init; }
    /// <summary>The invitation the visitor accepted: its rule and text open the conversation.</summary>
    [Id(8)] public string? InvitationRule { get; init; }
    [Id(9)] public string? InvitationText { get; init; }
    [Id(10)] public int Priority { get; init; }
    /// <summary>Where the conversation takes place (<see cref="ChannelNames"/>).</summary>
    [Id(11)] public string Channel { get; init; } = ChannelNames.Web;
    /// <summary>The person's address on the channel (a Telegram chat id, a phone number); null for web.</summary>
    [Id(12)] public string? ContactId { get; init; }
    /// <summary>Files sent with the opening message.</summary>
    [Id(13)] public IReadOnlyList<Attachment>? Attachments { get; init; }
    /// <summary>The customer the visitor is signed in as (a verified identity or a linked messenger contact), if any.</summary>
    [Id(14)] public string? CustomerId { get; init; }
}
