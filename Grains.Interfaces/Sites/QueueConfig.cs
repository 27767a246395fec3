namespace Switchboard.Contracts.Sites;

/// <summary>
/// A queue (a skill or department). Every setting left null takes the site-wide default from the
/// <c>Routing</c> configuration section (docs/routing.md).
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueConfig")]
public sealed record QueueConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name)
{
    /// <summary>Pre-chat form: asked before the first message; the answers go to the operator.</summary>
    [Id(2)] public IReadOnlyList<FormField> Form { get; init; } = [];
    [Id(3)] public HoldSchedule? Hold { get; init; }
    /// <summary>Seconds an assigned operator has to answer before the chat goes back to the queue.</summary>
    [Id(4)] public int? NoAnswerSeconds { get; init; }
    /// <summary>Seconds a chat may wait in all before it overflows (auto reply, callback offer).</summary>
    [Id(5)] public int? MaxWaitSeconds { get; init; }
    /// <summary>Estimated waits above this overflow at once.</summary>
    [Id(6)] public int? MaxEtaSeconds { get; init; }
    /// <summary>When the queue is staffed; null is always.</summary>
    [Id(7)] public WorkingHours? Hours { get; init; }
    /// <summary>Seconds a returning visitor's last operator has to answer before the chat goes to the queue.</summary>
    [Id(8)] public int? StickyGraceSeconds { get; init; }
    /// <summary>Minutes without a message from either side before the chat closes itself.</summary>
    [Id(9)] public int? InactivityMinutes { get; init; }
    /// <summary>Seats a call of this queue takes of an operator's capacity; null takes the site's (1 by default).</summary>
    [Id(10)] public int? CallWeight { get; init; }
    /// <summary>While an operator is on a call of this queue they take no new chats; null takes the site's (no).</summary>
    [Id(11)] public bool? CallBlocksChats { get; init; }
}
