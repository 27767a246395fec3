using System.Collections.Concurrent;

namespace Switchboard.Contracts.Push;

/// <summary>
/// The push observers that live in this very process, found by their object reference's id. The standalone gateway
/// hosts the grains and the sockets together, so a conversation's stored event can reach its sockets by a direct call
/// to the node's hub instead of an Orleans message to an object in its own process: one message, and the hop to the
/// hosted client's message loop, fewer on every delivery (issue 16).
/// Only <see cref="IPushObserver.OnEvent"/> is called this way, inside the grain's turn: a hub's handling of an event
/// only queues frames and never awaits (the gateway's <c>IPushSubscriber</c> contract), so it cannot run the hub's code
/// on the grain's scheduler. Signals and notices, whose handlers may start async work, still go as messages.
/// In a cluster the sockets are in the gateways, other processes, and nothing is added here.
/// </summary>
public sealed class LocalPushObservers
{
    private readonly ConcurrentDictionary<GrainId, IPushObserver> _local = new();

    /// <summary>Makes <paramref name="instance"/> the direct target of pushes to <paramref name="reference"/>.</summary>
    public void Add(IPushObserver reference, IPushObserver instance) => _local[reference.GetGrainId()] = instance;

    /// <summary>The in-process observer behind a subscriber's reference, or the reference itself (a message).</summary>
    public IPushObserver Resolve(IPushObserver subscriber) =>
        !_local.IsEmpty && _local.TryGetValue(subscriber.GetGrainId(), out var local) ? local : subscriber;
}
