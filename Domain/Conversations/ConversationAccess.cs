using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Conversations;

/// <summary>Who may read and write a conversation: the rules in one place, checked by the grain on every call.</summary>
public static class ConversationAccess
{
    /// <summary>The visitor who started it; any operator or supervisor of its site.</summary>
    public static void EnsureCanRead(Actor actor, string site, ConversationHistory history)
    {
        EnsureSameSite(actor, site);
        var allowed = actor.Kind switch
        {
            ActorKind.Visitor => actor.Id == history.VisitorId,
            ActorKind.Operator or ActorKind.Supervisor or ActorKind.System => true,
            _ => false,
        };
        if (!allowed)
        {
            throw SwitchboardException.NotFound("No such conversation.");
        }
    }

    /// <summary>The visitor who started it and the operator it is assigned to.</summary>
    public static void EnsureCanWrite(Actor actor, string site, ConversationHistory history)
    {
        EnsureCanRead(actor, site, history);
        if (actor.Kind == ActorKind.Operator && actor.Id != history.OperatorId)
        {
            throw SwitchboardException.Forbidden("The conversation is not assigned to you.");
        }
        if (actor.Kind == ActorKind.Supervisor)
        {
            throw SwitchboardException.Forbidden("Supervisors watch conversations read-only.");
        }
    }

    /// <summary>Closing: its visitor, its operator, a supervisor of the site, or the system.</summary>
    public static void EnsureCanClose(Actor actor, string site, ConversationHistory history)
    {
        EnsureCanRead(actor, site, history);
        if (actor.Kind == ActorKind.Operator && actor.Id != history.OperatorId)
        {
            throw SwitchboardException.Forbidden("The conversation is not assigned to you.");
        }
    }

    /// <summary>Transfers and internal notes: its operator, or a supervisor of the site (who may reassign any conversation).</summary>
    public static void EnsureCanHandle(Actor actor, string site, ConversationHistory history)
    {
        EnsureCanRead(actor, site, history);
        var allowed = actor.Kind == ActorKind.Supervisor || actor.Kind == ActorKind.Operator && actor.Id == history.OperatorId;
        if (!allowed)
        {
            throw SwitchboardException.Forbidden("Only the conversation's operator or a supervisor can transfer it.");
        }
    }

    public static string SenderOf(Actor actor) => actor.Kind switch
    {
        ActorKind.Visitor => Senders.Visitor,
        ActorKind.System => Senders.System,
        _ => Senders.Operator,
    };

    private static void EnsureSameSite(Actor actor, string site)
    {
        // A stranger from another site learns nothing, not even that the conversation exists.
        if (actor.Site != site)
        {
            throw SwitchboardException.NotFound("No such conversation.");
        }
    }
}
