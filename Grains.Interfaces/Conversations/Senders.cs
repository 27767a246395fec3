namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>from</c> / <c>by</c> values of the protocol.</summary>
public static class Senders
{
    public const string Visitor = "visitor";
    public const string Operator = "operator";
    public const string System = "system";
}
