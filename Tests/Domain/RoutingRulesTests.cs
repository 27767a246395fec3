using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Domain;

public sealed class RoutingRulesTests
{
    private static readonly SiteConfig Site = TestSites.Config(("anna", 4, ["general"])) with
    {
        Queues =
        [
            new("general", "General"),
            new("stylist", "Stylist"),
            new("b2b", "Corporate clients") { Form = [new("company", "Company", true), new("inn", "Tax number", false)] },
            new("spb", "Saint Petersburg branch"),
        ],
        RoutingRules =
        [
            new("b2b", CustomerType: "corporate") { Priority = 5 },
            new("spb", Region: "SPB"),
            new("stylist", PageContains: "/product/midi-dress"),
        ],
    };

    [Theory]
    [InlineData(null, null, null, null, "general")]
    [InlineData("stylist", null, "SPB", "corporate", "stylist")]
    [InlineData(null, "https://shop/product/midi-dress", null, null, "stylist")]
    [InlineData(null, "https://shop/product/midi-dress", "spb", null, "spb")]
    [InlineData(null, null, "MSK", "corporate", "b2b")]
    public void The_visitors_choice_wins_then_the_first_matching_rule_then_the_default(
        string? chosen, string? page, string? region, string? customerType, string expected) =>
        Assert.Equal(expected, QueueSelector.Select(Site, chosen, new VisitorFacts(page, region, customerType)));

    [Fact]
    public void A_matching_rule_gives_its_priority_even_when_the_visitor_chose_the_queue()
    {
        Assert.Equal(5, QueueSelector.Priority(Site, new VisitorFacts(null, "MSK", "corporate")));
        Assert.Equal(0, QueueSelector.Priority(Site, new VisitorFacts("https://shop/product/midi-dress", null, null)));
    }

    [Fact]
    public void An_unknown_queue_is_refused()
    {
        var refused = Assert.Throws<SwitchboardException>(() => QueueSelector.Select(Site, "nope", new VisitorFacts(null, null, null)));
        Assert.Equal(ErrorCodes.BadRequest, refused.Code);
    }

    [Fact]
    public void A_pre_chat_form_keeps_its_own_fields_and_needs_the_required_ones()
    {
        var b2b = Site.FindQueue("b2b")!;

        var answers = PreChatForm.Validate(b2b, new Dictionary<string, string> { ["company"] = " Acme ", ["inn"] = "7701", ["extra"] = "dropped" });

        Assert.Equal(new Dictionary<string, string> { ["company"] = "Acme", ["inn"] = "7701" }, answers);
        Assert.Throws<SwitchboardException>(() => PreChatForm.Validate(b2b, new Dictionary<string, string> { ["inn"] = "7701" }));
        Assert.Null(PreChatForm.Validate(Site.FindQueue("general")!, new Dictionary<string, string> { ["any"] = "x" }));
    }
}
