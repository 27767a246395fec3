namespace Switchboard.Contracts.Push;

public static class SignalTypes
{
    public const string Queued = "queued";
    public const string OperatorTyping = "operator_typing";
    public const string VisitorTyping = "visitor_typing";
    public const string VisitorUpdate = "visitor_update";
    public const string CoBrowse = "cobrowse";
}
