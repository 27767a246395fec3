using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Crm;
using Switchboard.Gateway.Hosting;

namespace Switchboard.Tests.Gateway;

/// <summary>Invented customer cards only where a demo is what runs, and only for the demo site.</summary>
public sealed class CrmAvailabilityTests
{
    [Theory]
    [InlineData("Development", "Standalone", false, "", "demo", true)]
    [InlineData("Production", "Standalone", true, "", "demo", true)]
    [InlineData("Production", "Standalone", true, "", "shop", false)]
    [InlineData("Production", "Standalone", false, "", "demo", false)]
    [InlineData("Production", "Cluster", true, "", "demo", false)]
    [InlineData("Production", "Cluster", true, "https://crm.example", "shop", true)]
    [InlineData("Development", "Standalone", true, "https://crm.example", "demo", true)]
    public void The_demo_crm_answers_only_the_demo_site_of_a_demo(
        string environment, string mode, bool demoEnabled, string endpoint, string site, bool answers)
    {
        var availability = new CrmAvailability(
            Options.Create(new CrmOptions { Endpoint = endpoint }),
            Options.Create(new DemoOptions { Enabled = demoEnabled }),
            new HostingEnvironment { EnvironmentName = environment },
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Mode"] = mode }).Build());

        Assert.Equal(answers, availability.Answers(site));
        var demoRuns = environment == "Development" || (demoEnabled && mode == "Standalone");
        Assert.Equal(endpoint == "" && demoRuns, availability.ServesDemoCrm);
    }
}
