using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Hosting;

namespace Switchboard.Tests.Gateway;

/// <summary>The gateway's <c>Cluster:Gateways</c> and <c>Cluster:Messaging</c> settings reach Orleans' own client options.</summary>
public sealed class ClusterClientOptionsTests
{
    [Fact]
    public void Cluster_gateway_and_messaging_settings_are_what_the_Orleans_client_resolves()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Cluster",
            ["Cluster:Redis"] = "127.0.0.1:1",
            ["Cluster:Postgres"] = "Host=127.0.0.1;Port=1",
            ["Cluster:Gateways:GatewayListRefreshPeriod"] = "00:00:07",
            ["Cluster:Messaging:ResponseTimeout"] = "00:00:09",
        });
        builder.AddSwitchboardCluster();

        // Built, never started: nothing connects, only the options are resolved.
        using var app = builder.Build();
        var gateways = app.Services.GetRequiredService<IOptions<Orleans.Configuration.GatewayOptions>>().Value;
        var messaging = app.Services.GetRequiredService<IOptions<Orleans.Configuration.ClientMessagingOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(7), gateways.GatewayListRefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(9), messaging.ResponseTimeout);
    }
}
