using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Sockets;
using Switchboard.Domain.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>The visitor socket's tracking half: pages, cart, invitations, and this node's online list.</summary>
public sealed partial class VisitorSession
{
    public const int MaxCartItems = 100;

    private string VisitorKey => GrainKeys.Visitor(site, _visitor!.Id);

    public void OnVisitorNotice(VisitorNotice notice) =>
        connection.Send(WireJson.Frame(new { type = "invite", inviteId = notice.InviteId, text = notice.Text, rule = notice.Rule }));

    private async Task Page(InboundFrame frame)
    {
        var url = frame.Text("url", 2048, required: true)!;
        var title = frame.Text("title", 512, required: false);
        var referrer = frame.Text("referrer", 2048, required: false);
        await grains.GetGrain<IVisitorGrain>(VisitorKey).Page(url, title, referrer);
        presence.Update(this, v => v with
        {
            PageUrl = url, PageTitle = title, Pages = v.Pages + 1, Source = v.Source ?? VisitSources.Parse(url, referrer),
        });
    }

    private async Task Cart(InboundFrame frame)
    {
        var cart = ReadCart(frame);
        await grains.GetGrain<IVisitorGrain>(VisitorKey).Cart(cart);
        presence.Update(this, v => v with { Cart = cart });
    }

    private async Task InviteReply(InboundFrame frame)
    {
        var inviteId = frame.RequiredString("inviteId");
        var accepted = frame.Root.TryGetProperty("accepted", out var value) && value.ValueKind == JsonValueKind.True;
        var visitor = grains.GetGrain<IVisitorGrain>(VisitorKey);
        if (!accepted)
        {
            await visitor.DismissInvitation(inviteId);
            return;
        }
        var result = await visitor.AcceptInvitation(inviteId, hub.Reference);
        var key = GrainKeys.Conversation(site, result.ConversationId);
        if (key != _conversationKey)
        {
            Follow(key, 0);
        }
        presence.Update(this, v => v with { Chatting = true });
        connection.Send(EventFrames.Ack(inviteId, result));
    }

    private void ShowOnline(VisitorSnapshot visitor) => presence.Set(this, site, new OnlineVisitor(
        visitor.VisitorId, visitor.Name, null, null, visitor.VisitStartedAt, 0, null, null, visitor.Returning, visitor.OpenConversationId is not null));

    private static Cart ReadCart(InboundFrame frame)
    {
        var items = new List<CartItem>();
        if (frame.Root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray().Take(MaxCartItems))
            {
                items.Add(new CartItem(
                    Short(item, "sku"), Short(item, "name"),
                    item.TryGetProperty("qty", out var qty) && qty.TryGetInt32(out var q) ? q : 1,
                    item.TryGetProperty("price", out var price) && price.TryGetDecimal(out var p) ? p : 0));
            }
        }
        var total = frame.Root.TryGetProperty("total", out var t) && t.TryGetDecimal(out var sum) ? sum : items.Sum(i => i.Price * i.Qty);
        return new Cart(items, total, frame.Text("currency", 8, required: false) ?? "");
    }

    private static string Short(JsonElement item, string name)
    {
        var value = item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return value.Length > 200 ? value[..200] : value;
    }
}
