using Microsoft.AspNetCore.Builder;
using Switchboard.Gateway.Crm;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>
/// A retailer's CRM on loopback for the phone tests: it speaks the connector's contract with the demo CRM's made-up
/// customers, so the gateway under test has a configured CRM (as a real site would) rather than the demo's.
/// </summary>
public sealed class FakeCrm : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeCrm(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>What <c>Crm:Endpoint</c> is set to.</summary>
    public string Endpoint { get; }

    /// <summary>Started at once: the phone tests' fixture needs its address to configure the gateway it builds.</summary>
    public static FakeCrm Start()
    {
        var (app, address) = LoopbackApp.StartAsync(app => app.MapDemoCrm()).GetAwaiter().GetResult();
        return new FakeCrm(app, new Uri(address, "/demo-crm").ToString());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
