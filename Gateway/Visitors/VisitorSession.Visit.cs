using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Sockets;
using Switchboard.Domain.Invitations;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.Visitors;

/// <summary>The visitor socket's tracking half: pages, cart, invitations, and this node's online list.</summary>
public sealed partial class VisitorSession
{
    public const int MaxCartItems = 100;
    public const int MaxQuantity = 1_000_000;
    /// <summary>Larger prices and totals are not a shop's: refused, so sums cannot overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public void OnVisitorNotice(VisitorNotice notice) =>
        connection.Send(FrameWriter.ToBytes(new InviteFrame(notice.InviteId, notice.Text, notice.Rule), WireContext.Default.InviteFrame));

    private async Task Page(PageFrame frame)
    {
        var url = FieldRules.Text(frame.Url, "url", 2048, required: true)!;
        var title = FieldRules.Text(frame.Title, "title", 512, required: false);
        var referrer = FieldRules.Text(frame.Referrer, "referrer", 2048, required: false);
        await desk.PageAsync(_visitor!, url, title, referrer);
        presence.Update(this, site, v => v with
        {
            PageUrl = url, PageTitle = title, Pages = v.Pages + 1, Source = v.Source ?? VisitSources.Parse(url, referrer),
        });
    }

    private async Task Cart(CartFrame frame)
    {
        var cart = ReadCart(frame);
        await desk.CartAsync(_visitor!, cart);
        presence.Update(this, site, v => v with { Cart = cart });
    }

    private async Task InviteReply(InviteReplyFrame frame)
    {
        var inviteId = FieldRules.Required(frame.InviteId, "inviteId");
        if (await desk.ReplyToInvitationAsync(_visitor!, inviteId, frame.Accepted) is { } joined)
        {
            Joined(inviteId, joined);
        }
    }

    private void ShowOnline(VisitorSnapshot visitor) => presence.Set(this, site, new OnlineVisitor(
        visitor.VisitorId, visitor.Name, null, null, visitor.VisitStartedAt, 0, null, null, visitor.Returning, visitor.OpenConversationId is not null));

    /// <summary>The shop's cart, read leniently: odd fields take defaults, and a missing total is the items' sum.</summary>
    private static Cart ReadCart(CartFrame frame)
    {
        var items = (frame.Items ?? []).Take(MaxCartItems)
            .Select(item => new CartItem(Short(item.Sku), Short(item.Name), Quantity(item.Qty), Amount(item.Price, "price")))
            .ToList();
        var total = frame.Total is { } given ? Amount(given, "total") : items.Sum(i => i.Price * i.Qty);
        return new Cart(items, total, FieldRules.Text(frame.Currency, "currency", 8, required: false) ?? "");
    }

    private static int Quantity(int? qty) => qty switch
    {
        null => 1,
        < 0 or > MaxQuantity => throw InboundFrame.Bad($"'qty' is 0 to {MaxQuantity}."),
        _ => qty.Value,
    };

    private static decimal Amount(decimal? amount, string field) => amount switch
    {
        null => 0,
        < 0 or > MaxAmount => throw InboundFrame.Bad($"'{field}' is 0 to {MaxAmount:0}."),
        _ => amount.Value,
    };

    private static string Short(string? value) => value is null ? "" : value.Length > 200 ? value[..200] : value;
}
