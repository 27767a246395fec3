using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Gateway.Crm;

/// <summary>
/// A small CRM served by the standalone gateway at <c>/demo-crm</c>, speaking the connector's contract, so the
/// customer card works out of the box. Its customers are made up, the same for the same id or phone every time.
/// </summary>
public static class DemoCrm
{
    private static readonly string[] Names = ["Irina Volkova", "Sergey Petrov", "Maria Ivanova", "Alexei Smirnov", "Olga Kuznetsova"];
    private static readonly string[] Statuses = ["delivered", "in transit", "processing"];
    public const int KeptAnswers = 20;

    /// <summary>Campaign answers written back, by site and customer id or number, in this process only (the demo keeps nothing).</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<CustomerCard.CampaignAnswerEntry>> Answers = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapDemoCrm(this IEndpointRouteBuilder app)
    {
        // The site is part of the contract; the made-up customers are the same for every site.
        app.MapGet("/demo-crm/customers", (string? site, string? customerId, string? phone, string? orderNumber) =>
        {
            if (orderNumber is not null)
            {
                return OrderNumbered(orderNumber);
            }
            var key = customerId ?? phone;
            if (string.IsNullOrEmpty(key))
            {
                return Results.NotFound();
            }
            var seed = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            var customer = new CustomerCard.CustomerInfo(customerId ?? $"demo-{seed % 100000}", Names[seed % Names.Length],
                $"customer{seed % 1000}@example.com", phone ?? $"+7 900 {seed % 1000:000}-{seed / 1000 % 100:00}-{seed / 100000 % 100:00}",
                seed % 3 == 0 ? "gold" : "regular");
            var orders = Enumerable.Range(0, (int)(seed % 3) + 1).Select(i => new CustomerCard.Order(
                $"SB-{seed % 90000 + 10000 + i}", new DateOnly(2026, 11, 20).AddDays(-7 * i), 1990 + i * 2500 + seed % 1000, "RUB",
                Statuses[(seed + (uint)i) % Statuses.Length], new DateOnly(2026, 11, 25).AddDays(-7 * i))).ToList();
            return Results.Ok(new CustomerCard(customer, orders) { CampaignAnswers = AnswersOf(site, key) });
        });
        app.MapPost("/demo-crm/customers/answers", (CustomerCard.CampaignAnswerEntry answer) =>
        {
            foreach (var key in new[] { answer.CustomerId, answer.Phone }.Where(k => !string.IsNullOrEmpty(k)).Distinct())
            {
                var kept = Answers.GetOrAdd($"{answer.Site}|{key}", _ => new());
                kept.Enqueue(answer with { Site = null, Phone = null, CustomerId = null });
                while (kept.Count > KeptAnswers && kept.TryDequeue(out _))
                {
                }
            }
            return Results.NoContent();
        });
        app.MapDemoCrmContacts();
        return app;
    }

    private static IReadOnlyList<CustomerCard.CampaignAnswerEntry>? AnswersOf(string? site, string key) =>
        Answers.TryGetValue($"{site}|{key}", out var kept) ? [.. kept.Reverse()] : null;

    /// <summary>Demo order numbers are <c>SB-</c> and five digits; the made-up customer who placed one is the same every time.</summary>
    private static IResult OrderNumbered(string number)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(number, @"^SB-\d{5}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            return Results.NotFound();
        }
        var seed = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(number.ToUpperInvariant())));
        var customer = new CustomerCard.CustomerInfo($"demo-{seed % 100000}", Names[seed % Names.Length], null, null, "regular");
        var order = new CustomerCard.Order(number.ToUpperInvariant(), new DateOnly(2026, 11, 20), 1990 + seed % 1000, "RUB",
            Statuses[seed % Statuses.Length], new DateOnly(2026, 11, 25));
        return Results.Ok(new CustomerCard(customer, [order]));
    }
}
