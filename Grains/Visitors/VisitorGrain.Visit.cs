using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Grains.Invitations;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Visitors;

/// <summary>The visitor's visit: tracking, and the invitation engine with its single timer.</summary>
public sealed partial class VisitorGrain
{
    /// <summary>A rule held back because its queue was saturated is tried again after this.</summary>
    public static readonly TimeSpan SuppressedRetry = TimeSpan.FromMinutes(1);

    private Visit? _visit;
    private int _connections;
    private IGrainTimer? _invitationTimer;
    private DateTimeOffset? _invitationDue;

    public Task Subscribe(IPushObserver gateway)
    {
        _gateways.Subscribe(gateway, gateway);
        return Task.CompletedTask;
    }

    public async Task Disconnected()
    {
        _connections = Math.Max(0, _connections - 1);
        if (_connections == 0)
        {
            // Nobody is looking: no invitation to show, so no timer to keep.
            StopInvitationTimer();
            await TellPresence(present: false);
        }
    }

    /// <summary>
    /// Tells the open chat whether anyone has the widget open (a waiting chat left alone is abandoned in time). Awaited, so
    /// the order of leaving and coming back holds; a failure only means the chat waits as it would have anyway.
    /// </summary>
    private async Task TellPresence(bool present)
    {
        if (Visitor.OpenConversationId is not { } open)
        {
            return;
        }
        try
        {
            await Conversation(open).VisitorPresence(present);
        }
        catch (Exception error) when (error is not SwitchboardException)
        {
            logger.LogWarning(error, "Could not tell conversation {Conversation} that its visitor {Change}", open, present ? "came back" : "left");
        }
    }

    public async Task Page(string url, string? title, string? referrer)
    {
        var now = clock.GetUtcNow();
        var visit = ContinueVisit();
        visit.AddPage(url, title, referrer, now);
        if (Visitor.OpenConversationId is { } open)
        {
            var page = visit.Pages(now)[^1];
            Conversation(open).VisitorUpdate(page, null).Ignore();
        }
        await ArmInvitation();
    }

    public async Task Cart(Cart cart)
    {
        var visit = ContinueVisit();
        if (!visit.SetCart(cart, clock.GetUtcNow()))
        {
            return;
        }
        if (Visitor.OpenConversationId is { } open)
        {
            Conversation(open).VisitorUpdate(null, cart).Ignore();
        }
        await ArmInvitation();
    }

    public async Task<AppendResult> AcceptInvitation(string inviteId, IPushObserver? subscriber)
    {
        var clientId = "invite:" + inviteId;
        if (Visitor.OpenConversationId is { } open && Visitor.OpenStartClientId == clientId)
        {
            // A retried accept: the conversation answers with the original acknowledgement.
            return await Conversation(open).Start(new StartConversation(_id, Visitor.Name, "", clientId, Text: null), subscriber);
        }
        if (_visit?.Pending is not { } pending || pending.Id != inviteId)
        {
            throw SwitchboardException.NotFound("That invitation is no longer open.");
        }
        if (Visitor.OpenConversationId is not null)
        {
            throw SwitchboardException.BadRequest("A conversation is already open.");
        }
        _visit.Pending = null;
        var start = new StartConversation(_id, Visitor.Name, pending.Queue, clientId, Text: null)
        {
            Language = Visitor.Language,
            PreferredOperator = pending.Operator ?? await LastOperator(),
            InvitationRule = pending.Rule,
            InvitationText = pending.Text,
        };
        var started = await Start(start, subscriber);
        GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, pending.Queue)).InvitationAccepted().Ignore();
        return started;
    }

    public async Task DismissInvitation(string inviteId)
    {
        if (_visit?.Pending?.Id == inviteId)
        {
            _visit.Dismissed(clock.GetUtcNow());
            await ArmInvitation();
        }
    }

    public async Task InviteManually(Actor @operator, string text)
    {
        if (@operator.Kind is not (ActorKind.Operator or ActorKind.Supervisor) || @operator.Site != _site)
        {
            throw SwitchboardException.Forbidden("Only the site's operators invite its visitors.");
        }
        if (_connections == 0 || _visit is null)
        {
            throw SwitchboardException.NotFound("The visitor is no longer on the site.");
        }
        if (Visitor.OpenConversationId is not null)
        {
            throw SwitchboardException.BadRequest("The visitor is already chatting.");
        }
        var site = await _config.Get();
        var queue = site.FindOperator(@operator.Id)?.Queues.FirstOrDefault() ?? site.DefaultQueue;
        var body = MessageText.Normalize(text, required: true)!;
        Invite(new PendingInvitation(GrainKeys.NewId(), "manual", body, queue, @operator.Kind == ActorKind.Operator ? @operator.Id : null, clock.GetUtcNow()));
    }

    public Task<VisitSummary> GetVisit()
    {
        var now = clock.GetUtcNow();
        var visit = _visit;
        return Task.FromResult(new VisitSummary(_id, Visitor.Name, visit?.Pages(now) ?? [], visit?.Cart, visit?.Source,
            visit?.Returning ?? false, visit?.StartedAt ?? now, Visitor.OpenConversationId, _invitationDue,
            Visitor.CustomerId));
    }

    /// <summary>The current visit, or a new one when there is none or the visitor was idle too long.</summary>
    private Visit ContinueVisit()
    {
        var now = clock.GetUtcNow();
        if (_visit is null || _visit.IsOver(now))
        {
            _visit = new Visit(now, returning: Visitor.Visits > 0, limits.Value.PagesPerVisit);
            Visitor.Visits++;
        }
        _visit.Touch(now);
        return _visit;
    }

    /// <summary>
    /// Arms the one timer at the nearest invitation deadline (or none). The timer is made once per activation and
    /// moved after that: every page view and every refused invitation re-arms it, and a timer registered anew each
    /// time left the old one and its holder for the GC.
    /// </summary>
    private async Task ArmInvitation()
    {
        StopInvitationTimer();
        if (_visit is null || _connections == 0)
        {
            return;
        }
        var next = InvitationEngine.Next(_visit, (await _config.Get()).Invitations, chatting: Visitor.OpenConversationId is not null);
        if (next is { } due)
        {
            var wait = due.At - clock.GetUtcNow();
            _invitationDue = due.At;
            wait = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            if (_invitationTimer is null)
            {
                _invitationTimer = this.RegisterGrainTimer(OnInvitationDue, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
            }
            else
            {
                _invitationTimer.Change(wait, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task OnInvitationDue()
    {
        var now = clock.GetUtcNow();
        if (_invitationDue is { } due)
        {
            metrics.TimerFired(TimerNames.Invitation, now - due);
        }
        var site = await _config.Get();
        if (_visit is not { } visit || InvitationEngine.Next(visit, site.Invitations, Visitor.OpenConversationId is not null) is not { } next)
        {
            return;
        }
        if (next.At <= now)
        {
            var queue = site.FindQueue(next.Rule.Queue ?? "")?.Id ?? site.DefaultQueue;
            if (await GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, queue)).OfferInvitation())
            {
                visit.Invited(next.Rule.Id, now);
                Invite(new PendingInvitation(GrainKeys.NewId(), next.Rule.Id, InvitationEngine.Render(next.Rule, visit), queue, null, now));
            }
            else
            {
                visit.HoldBack(next.Rule.Id, now + SuppressedRetry);
            }
        }
        await ArmInvitation();
    }

    private void Invite(PendingInvitation invitation)
    {
        _visit!.Pending = invitation;
        var notice = new VisitorNotice(this.GetPrimaryKeyString(), invitation.Id, invitation.Text, invitation.Rule);
        _gateways.Notify(g => { g.OnVisitorNotice(notice).Ignore(); });
    }

    private void StopInvitationTimer()
    {
        _invitationTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _invitationDue = null;
    }
}
