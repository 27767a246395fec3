using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Gateway.Crm;

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

    public static FakeCrm Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapDemoCrm();
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeCrm(app, $"{address}/demo-crm");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
