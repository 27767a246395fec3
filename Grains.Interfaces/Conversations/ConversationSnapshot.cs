namespace Switchboard.Contracts.Conversations;

/// <summary>What a conversation is now: enough for a <c>welcome</c> and for authorization at the edge.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ConversationSnapshot")]
public sealed record ConversationSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] long LastSeq,
    [property: Id(3)] string VisitorId,
    [property: Id(4)] string? VisitorName,
    [property: Id(5)] string Queue,
    [property: Id(6)] string? OperatorId,
    [property: Id(7)] string? OperatorName,
    [property: Id(8)] QueuePosition? Position)
{
    /// <summary>Where the conversation takes place (<see cref="ChannelNames"/>).</summary>
    [Id(9)] public string Channel { get; init; } = ChannelNames.Web;
    /// <summary>A phone conversation's call whose caller is on the line and not yet taken by an operator: what rings.</summary>
    [Id(10)] public string? WaitingCallId { get; init; }
    /// <summary>Since when none of the web visitor's widgets has been open (null while one is, or unknown after a restart).</summary>
    [Id(11)] public DateTimeOffset? VisitorGoneSince { get; init; }
    /// <summary>
    /// The operator asked to see the visitor's page and the visitor has not answered: a widget that (re)joins the chat
    /// asks them, since the question may have been pushed while they were between pages.
    /// </summary>
    [Id(12)] public bool CoBrowseAsked { get; init; }
}
