namespace Switchboard.Grains.Visitors;

[GenerateSerializer, Alias("Switchboard.VisitorState")]
public sealed class VisitorState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string? CustomerId { get; set; }
    [Id(2)] public string? OpenConversationId { get; set; }
    /// <summary>The client id of the <c>start_chat</c> that opened it: a retried start returns the same chat.</summary>
    [Id(3)] public string? OpenStartClientId { get; set; }
}
