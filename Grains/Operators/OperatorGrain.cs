using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Utilities;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Sites;
using Switchboard.Grains.Storage;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Operators;

/// <summary>
/// One operator: presence, capacity and current conversations. A leaf in the call graph (it awaits only
/// storage and its site), so queues and conversations can ask it to reserve or release capacity without
/// any risk of a call cycle; its seat audit asks conversations only through a read that always interleaves.
/// </summary>
public sealed partial class OperatorGrain(
    [PersistentState(StorageNames.OperatorState, StorageNames.Provider)] IPersistentState<OperatorState> state,
    [PersistentState(StorageNames.OperatorRatingsState, StorageNames.Provider)] IPersistentState<OperatorRatings> ratings,
    TimeProvider clock,
    SwitchboardMetrics metrics,
    Reports.IOperatorTimeStore timeStore,
    ILogger<OperatorGrain> logger)
    : Grain, IOperatorGrain
{
    /// <summary>How often the operator checks that every seat it holds is used by a chat that is still theirs.</summary>
    public static readonly TimeSpan AuditInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A seat younger than this is left alone: its chat may be in the middle of being assigned. Longer than a grain
    /// call's timeout (30 s by default), so an offer in flight has landed or been given up by then.
    /// </summary>
    public static readonly TimeSpan SeatGrace = TimeSpan.FromSeconds(45);

    /// <summary>An operator found full by a queue audits at once, but not more often than this.</summary>
    public static readonly TimeSpan AuditCooldown = TimeSpan.FromSeconds(10);

    private DateTimeOffset _lastAudit = DateTimeOffset.MinValue;
    private IGrainTimer? _kickedAudit;

    private readonly ObserverManager<IPushObserver> _consoles = new(TimeSpan.FromMinutes(3), logger);
    /// <summary>When each held seat was taken (or, after a reactivation, first seen): the audit's grace.</summary>
    private readonly Dictionary<string, DateTimeOffset> _heldSince = new(StringComparer.Ordinal);
    private string _site = "";
    private string _login = "";
    /// <summary>The account's capacity when last read: whether the operator is full, for their time.</summary>
    private int _capacity;
    private SiteConfigCache _config = null!;
    private StateWriteBehind _writes = null!;

    private OperatorState Operator => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _login) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _writes = new StateWriteBehind(this, state.WriteStateAsync);
        _ratingWrites = new StateWriteBehind(this, ratings.WriteStateAsync);
        await MoveOldRatings();
        _config = new SiteConfigCache(ServiceProvider, _site);
        await Account();
        metrics.Holding(this.GetPrimaryKeyString(), _site, Operator.Conversations.Count);
        foreach (var conversationId in Operator.Conversations)
        {
            _heldSince[conversationId] = clock.GetUtcNow();
        }
        if (Operator.TimeOutbox.Count > 0)
        {
            SendTimeAfter(TimeSpan.Zero);
        }
        // Interleaved: the audit waits on conversations, and must not hold up reservations meanwhile.
        this.RegisterGrainTimer(Audit, new GrainTimerCreationOptions(AuditInterval, AuditInterval) { Interleave = true });
    }

    public async Task<OperatorSnapshot> GetSnapshot() => Snapshot(await Account());

    public async Task<OperatorSnapshot> Subscribe(IPushObserver subscriber)
    {
        _consoles.Subscribe(subscriber, subscriber);
        return Snapshot(await Account());
    }

    public Task Unsubscribe(IPushObserver subscriber)
    {
        _consoles.Unsubscribe(subscriber);
        return Task.CompletedTask;
    }

    public async Task<OperatorSnapshot> SetStatus(string status)
    {
        if (!OperatorStatus.IsValid(status))
        {
            throw SwitchboardException.BadRequest($"Unknown status '{status}'.");
        }
        var account = await Account();
        if (status != Operator.Status)
        {
            if (status == OperatorStatus.Online)
            {
                Operator.IdleSince = clock.GetUtcNow();
            }
            Operator.Status = status;
            NoteTime();
            await _writes.NowAsync();
            Announce(account);
        }
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Status, Status: Operator.Status));
        return Snapshot(account);
    }

    public async Task SignOut(string reason)
    {
        if (Operator.Status != OperatorStatus.Offline)
        {
            Operator.Status = OperatorStatus.Offline;
            NoteTime();
            await _writes.NowAsync();
            // A removed account may already be gone from the configuration: then no queue routes to it anyway.
            if ((await _config.Get()).FindOperator(_login) is { } account)
            {
                Announce(account);
            }
        }
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.SignedOut, Reason: reason));
    }

    public async Task<bool> TryReserve(string conversationId, SeatClaim? claim = null)
    {
        if (Operator.Conversations.Contains(conversationId))
        {
            return true;
        }
        var account = await Account();
        if (Operator.Status != OperatorStatus.Online)
        {
            return false;
        }
        claim ??= SeatClaim.Chat;
        if (!SeatRule.Fits(account.Capacity, HeldClaims().ToList(), claim))
        {
            // Full while a queue has a chat waiting: that is when a seat no chat uses costs a visitor, so look now.
            KickAudit();
            return false;
        }
        TakeSeat(conversationId, claim with { Weight = SeatRule.WeightOf(claim, account.Capacity) });
        NoteTime();
        // Not written here: the seat is stored by the Confirm that follows the conversation's own append of the
        // assignment (the authority on who holds the chat), or by the write-behind within a second if that Confirm is
        // lost. Written here, its disk sync stood in the queue's serial line before every assignment (issue 16).
        WriteSoon();
        Announce(account);
        return true;
    }

    public async Task Confirm(string conversationId)
    {
        if (!Operator.Conversations.Contains(conversationId))
        {
            if (await HolderOf(conversationId) is not (true, var holder) || holder != _login)
            {
                // A late confirmation (one-way, it can arrive after the chat's no-answer moved it on): the consoles
                // already heard it leave, and an "assigned" now would show them a chat this operator does not hold.
                return;
            }
            // The chat is theirs, but its seat went (an audit gave up on an offer that then landed): count it again.
            TakeSeat(conversationId);
            NoteTime();
            Announce(await Account());
            WriteSoon();
        }
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Assigned, conversationId));
        // The reservation's seat, stored now that the chat is theirs in its log.
        await _writes.FlushAsync();
    }

    public async Task Missed(string conversationId)
    {
        // The audit may have freed this seat a moment before (it asks the conversation, which has already recorded the
        // no-answer): the miss still counts, or an absent operator would keep receiving chats.
        if (!GiveSeatBack(conversationId) && !_freedByAudit.Remove(conversationId))
        {
            return;
        }
        // An absent operator who forgot to log out must stop receiving chats.
        Operator.Missed++;
        Figures.Today(Operator.Today, clock.GetUtcNow()).Missed++;
        Operator.Status = Operator.Status == OperatorStatus.Online ? OperatorStatus.Away : Operator.Status;
        NoteTime();
        await _writes.NowAsync();
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Unassigned, conversationId, UnassignReasons.NoAnswer));
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Status, Status: Operator.Status));
        Announce(await Account());
    }

    public async Task Answered(TimeSpan firstResponse)
    {
        var site = await _config.Get();
        Figures.RecordAnswer(Figures.Today(Operator.Today, clock.GetUtcNow()), firstResponse, site.Monitor.ServiceLevelSeconds);
        WriteSoon();
    }

    public async Task Release(string conversationId, string reason)
    {
        if (!GiveSeatBack(conversationId))
        {
            return;
        }
        Operator.IdleSince = clock.GetUtcNow();
        NoteTime();
        await _writes.NowAsync();
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Unassigned, conversationId, reason));
        // A removed account's chats are handed back after it is gone from the configuration: no queue routes to it.
        if ((await _config.Get()).FindOperator(_login) is { } account)
        {
            Announce(account);
        }
    }

    /// <summary>
    /// Figures and ratings are written behind (at most once a second, and on deactivation): they must not put a disk
    /// sync in front of the operator's next reservation. A reserved seat is written behind too, but at its Confirm.
    /// Presence, releases and misses are still written at once.
    /// </summary>
    private void WriteSoon() => _writes.Soon();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(this.GetPrimaryKeyString());
        if (Operator.TimeOutbox.Count > 0)
        {
            // Best effort: what is not sent now stays in the outbox and goes at the next activation.
            await SendTime();
        }
        await Task.WhenAll(_writes.FlushAsync(), _ratingWrites.FlushAsync());
    }

    private async Task<OperatorAccount> Account()
    {
        var account = (await _config.Get()).FindOperator(_login) ?? throw SwitchboardException.NotFound($"No operator '{_login}' on site '{_site}'.");
        _capacity = account.Capacity;
        return account;
    }

    /// <summary>Tells every queue this operator serves what it can take now (one-way: queues call back into us).</summary>
    private void Announce(OperatorAccount account)
    {
        metrics.Holding(this.GetPrimaryKeyString(), _site, Operator.Conversations.Count);
        var held = HeldClaims().ToList();
        var availability = new OperatorAvailability(
            account.Login, account.Name, Operator.Status, account.Capacity, SeatRule.Load(held), Operator.IdleSince)
        {
            OnCall = held.Any(c => c.IsCall), ChatsBlocked = held.Any(c => c.BlocksChats),
        };
        foreach (var queue in account.Queues)
        {
            GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, queue)).OperatorChanged(availability).Ignore();
        }
    }

    private void Notify(OperatorNotice notice) => _consoles.Notify(c => { c.OnOperatorNotice(notice).Ignore(); });

    private OperatorSnapshot Snapshot(OperatorAccount account)
    {
        var held = HeldClaims().ToList();
        return new(
            account.Login, account.Name, account.Role, Operator.Status, account.Capacity, Operator.Conversations.ToList(), Operator.Missed,
            Figures.Today(Operator.Today, clock.GetUtcNow()))
        {
            SeatsHeld = SeatRule.Load(held), OnCall = held.Any(c => c.IsCall), ChatsBlocked = held.Any(c => c.BlocksChats),
            StatusSince = Operator.StatusSince,
        };
    }
}
