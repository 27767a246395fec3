using Orleans.Runtime;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Queues;

/// <summary>The queue's roster sync: keeping its operators to the site's accounts for this queue, and asking them what they can take.</summary>
public sealed partial class QueueGrain
{
    private async Task RefreshRosterAndRoute()
    {
        await SyncRoster(everyone: true);
        await Route();
    }

    /// <summary>
    /// Keeps the roster to the site's accounts for this queue. Operators taken out of the queue (or off the site)
    /// leave it, so they are offered none of its chats; operators added to it are asked what they can take, since
    /// they announce themselves only to the queues they served at their last change. With <paramref name="everyone"/>
    /// (on activation: the stored roster is written behind) every operator is asked.
    /// </summary>
    private async Task SyncRoster(bool everyone)
    {
        var site = await _config.Get();
        if (!everyone && ReferenceEquals(site, _rosterFrom))
        {
            return;
        }
        _rosterFrom = site;
        var accounts = site.Operators.Where(o => o.Queues.Contains(_queueId)).ToList();
        foreach (var gone in Queue.Roster.Keys.Where(id => accounts.All(a => a.Login != id)).ToList())
        {
            Queue.Roster.Remove(gone);
        }
        var ask = everyone ? accounts : accounts.Where(a => !Queue.Roster.ContainsKey(a.Login)).ToList();
        foreach (var snapshot in await Task.WhenAll(ask.Select(a => SnapshotOf(a.Login))))
        {
            if (snapshot is null)
            {
                continue;
            }
            var idleSince = Queue.Roster.TryGetValue(snapshot.Id, out var known) ? known.IdleSince : clock.GetUtcNow();
            Queue.Roster[snapshot.Id] = new OperatorAvailability(snapshot.Id, snapshot.Name, snapshot.Status, snapshot.Capacity, snapshot.SeatsHeld, idleSince)
            {
                OnCall = snapshot.OnCall, ChatsBlocked = snapshot.ChatsBlocked,
            };
        }
    }

    /// <summary>An operator's snapshot, or null when it cannot be had now (they announce themselves on their next change).</summary>
    private async Task<OperatorSnapshot?> SnapshotOf(string login)
    {
        try
        {
            return await GrainFactory.Grain<IOperatorGrain>(GrainKeys.Operator(_site, login)).GetSnapshot();
        }
        catch (Exception error) when (error is TimeoutException or OrleansException or SwitchboardException)
        {
            return null;
        }
    }
}
