using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Operators;

/// <summary>A chat given to an operator, whole: the conversation, its events so far, the visit, and the seq of the <c>assigned</c> event.</summary>
public sealed record OperatorAssignment(
    ConversationSnapshot Conversation,
    IReadOnlyList<ConversationEvent> Transcript,
    VisitSummary Visit,
    long AssignedSeq);
