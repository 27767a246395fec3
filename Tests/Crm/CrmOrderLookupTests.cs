using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Help;
using Switchboard.Silo.Crm;
using Switchboard.Silo.Hosting;
using Switchboard.Tests.Cluster;

namespace Switchboard.Tests.Crm;

/// <summary>
/// A silo's own order lookup for the waiting-help bot, registered as the silo registers it (the resilient CRM client the
/// gateway uses too), against a CRM on loopback speaking docs/crm.md.
/// </summary>
public sealed class CrmOrderLookupTests : IAsyncLifetime
{
    private FakeOrdersCrm _crm = null!;

    public async Task InitializeAsync()
    {
        _crm = await FakeOrdersCrm.StartAsync(FreePorts.Next());
        _crm.Add("cust-7", ("SB-70001", "2026-11-20", "in transit", "2026-11-27"), ("SB-60001", "2026-10-02", "delivered", null));
    }

    public async Task DisposeAsync() => await _crm.DisposeAsync();

    [Fact]
    public async Task A_verified_customer_gets_their_latest_order_and_a_number_finds_its_order()
    {
        using var services = SiloServices(("Endpoint", _crm.BaseAddress), ("ApiKey", "crm-key"));
        var lookup = services.GetRequiredService<IOrderStatusPort>();

        var latest = await lookup.FindAsync("shop", "cust-7", orderNumber: null, CancellationToken.None);
        var byNumber = await lookup.FindAsync("shop", customerId: null, "sb-60001", CancellationToken.None);

        Assert.Equal(new OrderStatus("SB-70001", "in transit", new DateOnly(2026, 11, 27)), latest);
        Assert.Equal(new OrderStatus("SB-60001", "delivered", null), byNumber);
        Assert.Equal(["?site=shop&customerId=cust-7", "?site=shop&orderNumber=sb-60001"], _crm.Asked);
        Assert.Equal("Bearer crm-key", _crm.LastAuthorization);
    }

    [Fact]
    public async Task A_crm_busy_once_is_asked_again()
    {
        using var services = SiloServices(("Endpoint", _crm.BaseAddress));
        _crm.BusyOnce = true;

        var latest = await services.GetRequiredService<IOrderStatusPort>().FindAsync("shop", "cust-7", orderNumber: null, CancellationToken.None);

        Assert.Equal("SB-70001", latest?.Number);
        Assert.Equal(["?site=shop&customerId=cust-7", "?site=shop&customerId=cust-7"], _crm.Asked);
    }

    [Fact]
    public async Task An_unknown_customer_or_number_is_no_order_and_a_failing_or_absent_crm_is_unavailable()
    {
        // Short, so the retries of the failing CRM give up soon.
        using var services = SiloServices(("Endpoint", _crm.BaseAddress), ("Timeout", "00:00:00.5"));
        var lookup = services.GetRequiredService<IOrderStatusPort>();

        Assert.Null(await lookup.FindAsync("shop", "nobody", null, CancellationToken.None));
        Assert.Null(await lookup.FindAsync("shop", null, "SB-00000", CancellationToken.None));
        Assert.Null(await lookup.FindAsync("shop", null, null, CancellationToken.None));

        _crm.FailWith = 503;
        var failing = await Assert.ThrowsAsync<OrderStatusUnavailableException>(() => lookup.FindAsync("shop", "cust-7", null, CancellationToken.None));
        Assert.Equal("The CRM did not answer within 0.5 s.", failing.Message);
        using var unconfigured = SiloServices();
        var none = await Assert.ThrowsAsync<OrderStatusUnavailableException>(
            () => unconfigured.GetRequiredService<IOrderStatusPort>().FindAsync("shop", "cust-7", null, CancellationToken.None));
        Assert.Equal(CrmOrderLookup.NotConfigured, none.Message);
        using var unreachable = SiloServices(("Endpoint", $"http://127.0.0.1:{FreePorts.Next()}"), ("Timeout", "00:00:00.5"));
        var closed = await Assert.ThrowsAsync<OrderStatusUnavailableException>(
            () => unreachable.GetRequiredService<IOrderStatusPort>().FindAsync("shop", "cust-7", null, CancellationToken.None));
        Assert.Equal("The CRM did not answer within 0.5 s.", closed.Message);
    }

    private static ServiceProvider SiloServices(params (string Key, string Value)[] crm)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(crm.Select(setting => KeyValuePair.Create($"{CrmOptions.Section}:{setting.Key}", (string?)setting.Value)))
            .Build();
        return new ServiceCollection().AddSiloOrderLookup(configuration).BuildServiceProvider();
    }
}
