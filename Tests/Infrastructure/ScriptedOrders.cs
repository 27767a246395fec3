using System.Collections.Concurrent;
using Switchboard.Contracts.Help;

namespace Switchboard.Tests.Infrastructure;

/// <summary>The silo's CRM for "Where is my order?" in grain tests: the orders a test puts here, by customer id or order number.</summary>
public sealed class ScriptedOrders : IOrderStatusPort
{
    private readonly ConcurrentDictionary<string, OrderStatus> _orders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every lookup made, as (customer id, order number).</summary>
    public ConcurrentQueue<(string? CustomerId, string? OrderNumber)> Asked { get; } = new();

    public void Add(string customerId, OrderStatus order)
    {
        _orders[$"customer:{customerId}"] = order;
        _orders[$"order:{order.Number}"] = order;
    }

    public Task<OrderStatus?> FindAsync(string site, string? customerId, string? orderNumber, CancellationToken cancellationToken)
    {
        Asked.Enqueue((customerId, orderNumber));
        var key = orderNumber is null ? $"customer:{customerId}" : $"order:{orderNumber}";
        return Task.FromResult(_orders.GetValueOrDefault(key));
    }
}
