using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;

namespace Switchboard.Grains.Operators;

/// <summary>The operator's seats: taking and giving them back, and the audit that frees seats no chat of theirs uses.</summary>
public sealed partial class OperatorGrain
{
    /// <summary>Audits at once when a queue found the operator full, at most every <see cref="AuditCooldown"/>.</summary>
    private void KickAudit()
    {
        if (_kickedAudit is null && clock.GetUtcNow() - _lastAudit >= AuditCooldown)
        {
            _kickedAudit = this.RegisterGrainTimer(async () =>
            {
                _kickedAudit?.Dispose();
                _kickedAudit = null;
                await Audit();
            }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }

    /// <summary>
    /// Finds seats that no chat uses: a chat closed, transferred or reassigned whose call to release this operator
    /// was lost (a busy or dying silo). Each seat older than <see cref="SeatGrace"/> is checked with its
    /// conversation, which answers even while busy; a conversation that cannot be reached keeps its seat. The
    /// asking interleaves with the grain's other work; the freeing is a serial turn of its own (<see cref="FreeUnusedSeats"/>).
    /// </summary>
    private async Task Audit()
    {
        var now = clock.GetUtcNow();
        _lastAudit = now;
        var suspects = Operator.Conversations.Where(id => SeatIsOld(id, now)).ToList();
        if (suspects.Count == 0)
        {
            return;
        }
        var answers = await Task.WhenAll(suspects.Select(async id => (Id: id, Holder: await HolderOf(id))));
        var unused = answers.Where(a => a.Holder is { Known: true } holder && holder.Login != _login).Select(a => a.Id).ToList();
        if (unused.Count > 0)
        {
            this.AsReference<IOperatorGrain>().FreeUnusedSeats(unused).Ignore();
        }
    }

    public async Task FreeUnusedSeats(IReadOnlyList<string> conversationIds)
    {
        var now = clock.GetUtcNow();
        // A seat released and taken again for the same chat while the audit asked is new: it stays.
        var freed = conversationIds.Where(id => Operator.Conversations.Contains(id) && SeatIsOld(id, now)).ToList();
        if (freed.Count == 0)
        {
            return;
        }
        _freedByAudit.Clear();
        foreach (var conversationId in freed)
        {
            GiveSeatBack(conversationId);
            _freedByAudit.Add(conversationId);
        }
        Operator.IdleSince = now;
        NoteTime();
        await _writes.NowAsync();
        logger.LogWarning("Freed {Count} seats of operator {Operator} that no chat of theirs used", freed.Count, this.GetPrimaryKeyString());
        foreach (var conversationId in freed)
        {
            Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Unassigned, conversationId, UnassignReasons.Closed));
        }
        Announce(await Account());
    }

    /// <summary>The seats the last audit freed, for a <see cref="Missed"/> of one of them arriving just after it.</summary>
    private readonly HashSet<string> _freedByAudit = new(StringComparer.Ordinal);

    private void TakeSeat(string conversationId, SeatClaim? claim = null)
    {
        _freedByAudit.Remove(conversationId);
        Operator.Conversations.Add(conversationId);
        if (claim is not null && claim != SeatClaim.Chat)
        {
            Operator.Claims[conversationId] = claim;
        }
        _heldSince[conversationId] = clock.GetUtcNow();
    }

    /// <summary>False when the operator held no seat for it.</summary>
    private bool GiveSeatBack(string conversationId)
    {
        _heldSince.Remove(conversationId);
        Operator.Claims.Remove(conversationId);
        return Operator.Conversations.Remove(conversationId);
    }

    /// <summary>What each held conversation claims: a chat one seat, a call what its queue weighed it at when it came.</summary>
    private IEnumerable<SeatClaim> HeldClaims() => Operator.Conversations.Select(id => Operator.Claims.GetValueOrDefault(id, SeatClaim.Chat));

    private bool SeatIsOld(string conversationId, DateTimeOffset now) =>
        !_heldSince.TryGetValue(conversationId, out var since) || now - since >= SeatGrace;

    private async Task<(bool Known, string? Login)> HolderOf(string conversationId)
    {
        try
        {
            return (true, await GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, conversationId)).GetHolder());
        }
        catch (Exception error) when (error is not SwitchboardException)
        {
            return (false, null);
        }
    }
}
