namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>outcome</c> of a <c>call</c> event <c>ended</c>: what came of the call for the shop.</summary>
public static class CallOutcomes
{
    /// <summary>An operator took it.</summary>
    public const string Answered = "answered";
    /// <summary>The caller left their number and was let go.</summary>
    public const string Callback = "callback";
    /// <summary>The caller hung up before anyone took it, without a callback.</summary>
    public const string Abandoned = "abandoned";
    /// <summary>A call the product started (a call back) that nobody answered.</summary>
    public const string Unanswered = "unanswered";
}
