using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Operators;

/// <summary>A chat given to an operator, whole: the conversation, its events so far, the visit, and the seq of the <c>assigned</c> event.</summary>
public sealed record OperatorAssignment(
    ConversationSnapshot Conversation,
    IReadOnlyList<ConversationEvent> Transcript,
    VisitSummary Visit,
    long AssignedSeq)
{
    /// <summary>The pre-chat form's answers, from the conversation's first event.</summary>
    public IReadOnlyDictionary<string, string>? Form { get; init; }

    /// <summary>An e-mail customer's address (their thread's latest), which the operator's answers go to; null on other channels.</summary>
    public string? EmailAddress { get; init; }
}
