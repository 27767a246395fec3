using Microsoft.Extensions.Hosting.Internal;
using Switchboard.Gateway.Hosting;

namespace Switchboard.Tests.Gateway;

/// <summary>Outside Development the demo's public password stops the start, with a message that says what to set.</summary>
public sealed class DemoPasswordCheckTests
{
    [Theory]
    [InlineData("Production", true, "demo", false)]
    [InlineData("Staging", true, "CHANGE-ME", false)]
    [InlineData("Production", true, "a-secret-of-our-own", true)]
    [InlineData("Production", false, "demo", true)]
    [InlineData("Development", true, "demo", true)]
    public void The_demo_password_is_checked_outside_Development(string environment, bool enabled, string password, bool starts)
    {
        var check = new DemoPasswordCheck(new HostingEnvironment { EnvironmentName = environment });

        var result = check.Validate(null, new DemoOptions { Enabled = enabled, OperatorPassword = password });

        Assert.Equal(starts, result.Succeeded);
        if (!starts)
        {
            Assert.Contains("Demo__OperatorPassword", result.FailureMessage);
            Assert.Contains("Demo__Enabled=false", result.FailureMessage);
        }
    }

    [Fact]
    public void A_production_gateway_with_the_default_demo_password_refuses_to_start()
    {
        using var data = new Infrastructure.TempDirectory();
        var refusal = Assert.ThrowsAny<Exception>(() =>
        {
            using var host = new Infrastructure.GatewayHost(data.Path, new Dictionary<string, string>
            {
                ["Demo:OperatorPassword"] = DemoOptions.DefaultPassword,
                ["environment"] = "Production",
            });
        });

        Assert.Contains("Demo__OperatorPassword", refusal.ToString());
    }
}
