using Switchboard.Contracts.Invitations;
using Switchboard.Gateway.Visitors;

namespace Switchboard.Tests.Gateway;

/// <summary>The summary a gateway node reports of a site's online visitors: counted once each, the longest-visiting first.</summary>
public sealed class SitePresenceTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nobody_online_has_no_summary()
    {
        var presence = new SitePresence();
        var socket = new object();
        presence.Set(socket, Visitor("v1", minutes: 0));
        presence.Remove(socket);

        Assert.Null(presence.Summary(10));
    }

    [Fact]
    public void A_visitor_with_two_tabs_counts_once_and_the_earliest_visits_are_listed_in_order()
    {
        var presence = new SitePresence();
        // Started 7, 3, 9, 1, 5 minutes after the hour; v3 has a second tab.
        foreach (var (id, minutes) in new[] { ("v1", 7), ("v2", 3), ("v3", 9), ("v4", 1), ("v5", 5), ("v3", 9) })
        {
            presence.Set(new object(), Visitor(id, minutes));
        }

        var (total, longest) = presence.Summary(3)!.Value;

        Assert.Equal(5, total);
        Assert.Equal(["v4", "v2", "v5"], longest.Select(v => v.Id));
        Assert.Equal(["v4", "v2", "v5", "v1", "v3"], presence.Summary(10)!.Value.Visitors.Select(v => v.Id));
    }

    [Fact]
    public void A_summary_is_counted_afresh_each_time_from_what_the_sockets_show_now()
    {
        var presence = new SitePresence();
        var (first, second) = (new object(), new object());
        presence.Set(first, Visitor("v1", minutes: 1));
        presence.Set(second, Visitor("v2", minutes: 2));
        Assert.Equal(2, presence.Summary(10)!.Value.Total);

        presence.Update(first, v => v with { PageTitle = "Cart", Pages = v.Pages + 1 });
        presence.Remove(second);
        presence.Update(second, v => v with { PageTitle = "gone" });

        var (total, visitors) = presence.Summary(10)!.Value;
        Assert.Equal(1, total);
        Assert.Equal(("v1", "Cart", 1), (visitors[0].Id, visitors[0].PageTitle, visitors[0].Pages));
    }

    [Fact]
    public void The_board_reports_only_sites_with_someone_online()
    {
        var board = new VisitorPresenceBoard();
        var socket = new object();
        board.Set(socket, "shop", Visitor("v1", minutes: 0));
        board.Set(new object(), "outlet", Visitor("v2", minutes: 0));
        board.Remove(socket, "shop");

        Assert.Equal(["outlet"], board.Summaries(10).Select(s => s.Site));
    }

    private static OnlineVisitor Visitor(string id, int minutes) =>
        new(id, null, "/", "Home", Opened.AddMinutes(minutes), 0, null, null, Returning: false, Chatting: false);
}
