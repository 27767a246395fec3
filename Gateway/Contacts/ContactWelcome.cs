using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Gateway.Contacts;

/// <summary>
/// What a hello found: the contact as an actor (with its name), the visitor, the conversation it resumes (subscribed,
/// from <see cref="AfterSeq"/>) or why that was refused, and how many operators are online in the default queue.
/// </summary>
public sealed record ContactWelcome(
    Actor Contact,
    VisitorSnapshot Visitor,
    ConversationSnapshot? Conversation,
    long AfterSeq,
    SwitchboardException? ResumeRefused,
    int OnlineOperators);
