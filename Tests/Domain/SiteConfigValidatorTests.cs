using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Domain;

public sealed class SiteConfigValidatorTests
{
    [Fact]
    public void The_demo_and_test_sites_are_valid()
    {
        Assert.Empty(SiteConfigValidator.Validate(DemoSite.Build("demo")));
        Assert.Empty(SiteConfigValidator.Validate(TestSites.Config(("anna", 4, ["general"]))));
    }

    [Fact]
    public void Each_problem_is_reported_against_its_field()
    {
        var config = TestSites.Config(("anna", 11, ["nowhere"])) with
        {
            Language = "de",
            DefaultQueue = "missing",
            AllowedOrigins = ["shop.example", "https://shop.example/path"],
            Queues =
            [
                new("general", "General")
                {
                    Hold = new HoldSchedule([new HoldStep(30, "a"), new HoldStep(20, "b")], 60),
                    NoAnswerSeconds = 0,
                    Hours = new WorkingHours("Mars/Olympus", new Dictionary<DayOfWeek, string> { [DayOfWeek.Monday] = "9 to 5" }),
                },
                new("bad id!", "Bad"),
            ],
            RoutingRules = [new RoutingRule("ghost")],
        };

        var problems = SiteConfigValidator.Validate(config);

        Assert.Equal(
            ["allowedOrigins", "defaultQueue", "language", "operators.anna", "queues.bad id!", "queues.general", "routingRules"],
            problems.Keys.Order());
        Assert.Equal(2, problems["operators.anna"].Length);
        Assert.Equal(4, problems["queues.general"].Length);
    }

    [Fact]
    public void A_delay_longer_than_a_grain_timer_can_wait_is_refused_by_name()
    {
        var config = TestSites.Config(("anna", 4, ["general"])) with
        {
            Queues =
            [
                new("general", "General")
                {
                    InactivityMinutes = 71_583,
                    NoAnswerSeconds = SiteConfigValidator.MaxDelaySeconds,
                    Hold = new HoldSchedule([new HoldStep(SiteConfigValidator.MaxDelaySeconds + 1, "later")], 0),
                },
            ],
        };

        var problems = SiteConfigValidator.Validate(config)["queues.general"];

        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.StartsWith("inactivityMinutes is at most 43200", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Hold steps", StringComparison.Ordinal));
    }
}
