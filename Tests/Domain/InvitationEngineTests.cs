using Switchboard.Contracts.Invitations;
using Switchboard.Domain.Invitations;

namespace Switchboard.Tests.Domain;

public sealed class InvitationEngineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Cart Coat = new([new CartItem("c1", "Wool coat", 1, 12_990)], 12_990, "RUB");

    [Fact]
    public void Each_time_condition_gives_the_moment_the_rule_becomes_true()
    {
        var visit = Visiting("https://shop/product/coat", "Wool coat");

        Assert.Equal(T0.AddSeconds(120), Due(visit, new InvitationRule("dwell", "x") { UrlContains = "/product/", MinPageSeconds = 120 }));
        Assert.Equal(T0.AddSeconds(300), Due(visit, new InvitationRule("site", "x") { MinSiteSeconds = 300 }));
        visit.SetCart(Coat, T0.AddSeconds(10));
        Assert.Equal(T0.AddSeconds(10).AddMinutes(10), Due(visit, new InvitationRule("cart", "x") { CartUnchangedMinutes = 10 }));
    }

    [Theory]
    [InlineData("/catalog/", null, null, null, null, null)]
    [InlineData(null, 3, null, null, null, null)]
    [InlineData(null, null, true, null, null, null)]
    [InlineData(null, null, null, 20_000.0, null, null)]
    [InlineData(null, null, null, null, true, null)]
    [InlineData(null, null, null, null, null, "newsletter")]
    public void A_condition_that_does_not_hold_keeps_the_rule_quiet(
        string? url, int? minPages, bool? cartNotEmpty, double? cartAtLeast, bool? returning, string? utmCampaign)
    {
        var visit = Visiting("https://shop/product/coat?utm_source=ads&utm_campaign=winter", "Wool coat");
        var rule = new InvitationRule("r", "x")
        {
            UrlContains = url, MinPages = minPages, CartNotEmpty = cartNotEmpty, CartTotalAtLeast = (decimal?)cartAtLeast,
            Returning = returning, UtmCampaign = utmCampaign,
        };

        Assert.Null(InvitationEngine.Next(visit, Settings(rule), chatting: false));
    }

    [Fact]
    public void Conditions_that_hold_match_and_the_text_fills_its_placeholders()
    {
        var visit = Visiting("https://shop/product/coat?utm_source=ads&utm_campaign=winter", "Wool coat");
        visit.SetCart(Coat, T0);
        var rule = new InvitationRule("r", "Questions about {product}? {cartItem} is in your cart.")
        {
            UrlContains = "/PRODUCT/", MinPages = 1, CartNotEmpty = true, CartTotalAtLeast = 10_000, Returning = false,
            UtmSource = "ads", UtmCampaign = "WINTER",
        };

        Assert.Equal(T0, Due(visit, rule));
        Assert.Equal("Questions about Wool coat? Wool coat is in your cart.", InvitationEngine.Render(rule, visit));
    }

    [Fact]
    public void Caps_space_invitations_limit_them_per_visit_and_respect_a_dismissal_and_an_open_chat()
    {
        var visit = Visiting("https://shop/", "Home");
        var settings = new InvitationSettings
        {
            Rules = [new InvitationRule("a", "x"), new InvitationRule("b", "y")], MinMinutesBetween = 5, MaxPerVisit = 2, DismissCooldownMinutes = 30,
        };

        Assert.Null(InvitationEngine.Next(visit, settings, chatting: true));
        var first = InvitationEngine.Next(visit, settings, chatting: false)!.Value;
        visit.Invited(first.Rule.Id, T0);
        var second = InvitationEngine.Next(visit, settings, chatting: false)!.Value;
        Assert.NotEqual(first.Rule.Id, second.Rule.Id);
        Assert.Equal(T0.AddMinutes(5), second.At);

        visit.Dismissed(T0.AddMinutes(1));
        Assert.Equal(T0.AddMinutes(31), InvitationEngine.Next(visit, settings, chatting: false)!.Value.At);
        visit.Invited(second.Rule.Id, T0.AddMinutes(31));
        Assert.Null(InvitationEngine.Next(visit, settings with { MaxPerVisit = 5 }, chatting: false));
        Assert.Null(InvitationEngine.Next(visit, settings, chatting: false));
    }

    [Fact]
    public void An_invitation_left_unanswered_holds_the_next_one_back_for_the_interval_then_makes_way()
    {
        var visit = Visiting("https://shop/", "Home");
        var settings = new InvitationSettings { Rules = [new InvitationRule("a", "x"), new InvitationRule("b", "y")], MinMinutesBetween = 5 };
        var first = InvitationEngine.Next(visit, settings, chatting: false)!.Value;
        visit.Invited(first.Rule.Id, T0);
        visit.Pending = new PendingInvitation("i1", first.Rule.Id, "x", "general", null, T0);

        var next = InvitationEngine.Next(visit, settings, chatting: false)!.Value;

        Assert.Equal(T0.AddMinutes(5), next.At);
        Assert.NotEqual(first.Rule.Id, next.Rule.Id);
        // A manual invitation an operator sent later holds the automatic ones back from its own moment.
        visit.Pending = new PendingInvitation("i2", "manual", "Can I help?", "general", "anna", T0.AddMinutes(4));
        Assert.Equal(T0.AddMinutes(9), InvitationEngine.Next(visit, settings, chatting: false)!.Value.At);
    }

    [Fact]
    public void The_higher_priority_rule_wins_a_tie_and_a_held_back_rule_waits_for_its_retry()
    {
        var visit = Visiting("https://shop/product/coat", "Wool coat");
        var low = new InvitationRule("low", "x") { Priority = 1 };
        var high = new InvitationRule("high", "y") { Priority = 9 };

        Assert.Equal("high", InvitationEngine.Next(visit, Settings(low, high), chatting: false)!.Value.Rule.Id);
        visit.HoldBack("high", T0.AddMinutes(1));
        Assert.Equal("low", InvitationEngine.Next(visit, Settings(low, high), chatting: false)!.Value.Rule.Id);
    }

    [Fact]
    public void The_rollout_share_is_the_same_for_a_visitor_every_time_and_close_to_the_share_overall()
    {
        var ids = Enumerable.Range(0, 20_000).Select(i => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))[..32]).ToList();

        var included = ids.Count(id => RolloutShare.Includes(id, 10));

        Assert.All(ids.Take(100), id => Assert.Equal(RolloutShare.Includes(id, 10), RolloutShare.Includes(id, 10)));
        Assert.InRange(included / (double)ids.Count, 0.09, 0.11);
        Assert.All(ids.Take(100), id => Assert.True(RolloutShare.Includes(id, 100)));
        Assert.All(ids.Take(100), id => Assert.False(RolloutShare.Includes(id, 0)));
        Assert.Equal(RolloutShare.Bucket("8f3c1e"), RolloutShare.Bucket("8f3c1e"));
    }

    private static Visit Visiting(string url, string title)
    {
        var visit = new Visit(T0, returning: false);
        visit.AddPage(url, title, "https://search.example/", T0);
        return visit;
    }

    private static InvitationSettings Settings(params InvitationRule[] rules) => new() { Rules = rules };

    private static DateTimeOffset? Due(Visit visit, InvitationRule rule) => InvitationEngine.Next(visit, Settings(rule), chatting: false)?.At;
}
