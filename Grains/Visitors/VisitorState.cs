namespace Switchboard.Grains.Visitors;

[GenerateSerializer, Alias("Switchboard.VisitorState")]
public sealed class VisitorState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string? CustomerId { get; set; }
    [Id(2)] public string? OpenConversationId { get; set; }
    /// <summary>The client id of the <c>start_chat</c> that opened it: a retried start returns the same chat.</summary>
    [Id(3)] public string? OpenStartClientId { get; set; }
    /// <summary>The operator of the visitor's latest chat: a returning visitor is offered to them first.</summary>
    [Id(4)] public string? LastOperator { get; set; }
    [Id(5)] public string? Language { get; set; }
    [Id(6)] public string? Region { get; set; }
    [Id(7)] public string? CustomerType { get; set; }
    /// <summary>Visits so far: more than one makes a returning visitor.</summary>
    [Id(8)] public int Visits { get; set; }
    /// <summary>The visitor's conversations, newest last (bounded).</summary>
    [Id(9)] public List<string> Conversations { get; set; } = [];
    /// <summary>
    /// Ids of conversations that fell off <see cref="Conversations"/>, oldest first, for erasure and export; bounded
    /// (<see cref="VisitorGrain.KeptEarlierConversations"/>) because anyone can be a visitor.
    /// </summary>
    [Id(10)] public List<string> EarlierConversations { get; set; } = [];
    /// <summary>The push token of the retailer's app (docs/in-app.md), null when none was given.</summary>
    [Id(11)] public string? PushToken { get; set; }
    [Id(12)] public string? PushPlatform { get; set; }
}
