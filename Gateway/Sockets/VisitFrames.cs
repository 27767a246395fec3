using System.Text.Json;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Sockets;

/// <summary>A visitor's visit as operators read it: pages with dwell times, cart, source, returning.</summary>
public static class VisitFrames
{
    public static object Page(PageView page) => new { url = page.Url, title = page.Title, seconds = page.Seconds };

    public static void WriteVisitor(Utf8JsonWriter writer, VisitSummary visit, string? name)
    {
        JsonSerializer.Serialize(writer, new
        {
            id = visit.VisitorId,
            name = visit.Name ?? name,
            pages = visit.Pages.Select(Page),
            cart = visit.Cart,
            source = visit.Source,
            returning = visit.Returning,
            verified = visit.CustomerId is not null,
        }, WireJson.Options);
    }
}
