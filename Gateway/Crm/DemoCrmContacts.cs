using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchboard.Gateway.Crm;

/// <summary>
/// The demo CRM's campaign feed, <c>GET /demo-crm/campaign-contacts?site&amp;kind&amp;query&amp;limit</c>: <c>limit</c>
/// made-up customers as NDJSON, written as they are made (a million rows are never held), each with the data the
/// kind's script speaks. The query names the wanted item for back in stock; the numbers are <c>+7999</c> and the row.
/// </summary>
public static class DemoCrmContacts
{
    public const int MaxRows = 1_000_000;
    private const int FlushEvery = 1000;
    private static readonly string[] Names = ["Irina Volkova", "Sergey Petrov", "Maria Ivanova", "Alexei Smirnov", "Olga Kuznetsova"];

    public static IEndpointRouteBuilder MapDemoCrmContacts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/demo-crm/campaign-contacts", async (string? kind, string? query, int? limit, HttpResponse response, CancellationToken cancellationToken) =>
        {
            if (limit is not (>= 1 and <= MaxRows) || Data(kind, query, 1) is null)
            {
                return Results.BadRequest();
            }
            response.ContentType = "application/x-ndjson";
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
            for (var row = 1; row <= limit; row++)
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    phone = $"+7999{row.ToString("D7", CultureInfo.InvariantCulture)}", customerId = $"demo-c{row}", name = Names[row % Names.Length],
                    data = Data(kind, query, row),
                }));
                if (row % FlushEvery == 0)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }
            return Results.Empty;
        });
        return app;
    }

    private static object? Data(string? kind, string? query, int row) => kind switch
    {
        "quote_reminder" => new { quote = $"Q-{row}" },
        "back_in_stock" => new { item = string.IsNullOrWhiteSpace(query) ? "The blue kettle" : query, link = $"https://shop.example/p/{row}" },
        "order_confirmation" => new
        {
            order = $"SB-{10000 + row % 90000}", items = new[] { new { name = "Sofa" }, new { name = "Pillow" } }, deliveryDate = "10 December",
            accessory = "a sofa cover",
        },
        _ => null,
    };
}
