using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Utilities;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Operators;

/// <summary>
/// One operator: presence, capacity and current conversations. A leaf in the call graph (it awaits only
/// storage and its site), so queues can ask it to reserve capacity without any risk of a call cycle.
/// </summary>
public sealed class OperatorGrain(
    [PersistentState(StorageNames.OperatorState, StorageNames.Provider)] IPersistentState<OperatorState> state,
    TimeProvider clock,
    ILogger<OperatorGrain> logger)
    : Grain, IOperatorGrain
{
    private readonly ObserverManager<IPushObserver> _consoles = new(TimeSpan.FromMinutes(3), logger);
    private string _site = "";
    private OperatorAccount _account = null!;

    private OperatorState Operator => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (site, login) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _site = site;
        var config = await GrainFactory.GetGrain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        _account = config?.FindOperator(login) ?? throw SwitchboardException.NotFound($"No operator '{login}' on site '{site}'.");
    }

    public Task<OperatorSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<OperatorSnapshot> Subscribe(IPushObserver subscriber)
    {
        _consoles.Subscribe(subscriber, subscriber);
        return Task.FromResult(Snapshot());
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
        if (status != Operator.Status)
        {
            if (status == OperatorStatus.Online)
            {
                Operator.IdleSince = clock.GetUtcNow();
            }
            Operator.Status = status;
            await state.WriteStateAsync();
            Announce();
        }
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Status, Status: Operator.Status));
        return Snapshot();
    }

    public async Task<bool> TryReserve(string conversationId)
    {
        if (Operator.Conversations.Contains(conversationId))
        {
            return true;
        }
        if (Operator.Status != OperatorStatus.Online || Operator.Conversations.Count >= _account.Capacity)
        {
            return false;
        }
        Operator.Conversations.Add(conversationId);
        await state.WriteStateAsync();
        Announce();
        return true;
    }

    public Task Confirm(string conversationId)
    {
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Assigned, conversationId));
        return Task.CompletedTask;
    }

    public async Task Release(string conversationId, string reason)
    {
        if (!Operator.Conversations.Remove(conversationId))
        {
            return;
        }
        Operator.IdleSince = clock.GetUtcNow();
        await state.WriteStateAsync();
        Notify(new OperatorNotice(this.GetPrimaryKeyString(), NoticeTypes.Unassigned, conversationId, reason));
        Announce();
    }

    /// <summary>Tells every queue this operator serves what it can take now (one-way: queues call back into us).</summary>
    private void Announce()
    {
        var availability = new OperatorAvailability(
            _account.Login, _account.Name, Operator.Status, _account.Capacity, Operator.Conversations.Count, Operator.IdleSince);
        foreach (var queue in _account.Queues)
        {
            GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(_site, queue)).OperatorChanged(availability).Ignore();
        }
    }

    private void Notify(OperatorNotice notice) => _consoles.Notify(c => { c.OnOperatorNotice(notice).Ignore(); });

    private OperatorSnapshot Snapshot() => new(
        _account.Login, _account.Name, _account.Role, Operator.Status, _account.Capacity, Operator.Conversations.ToList());
}
