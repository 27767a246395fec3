using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Tests.Crm;

/// <summary>
/// A CRM on loopback that answers <c>GET /customers</c> as docs/crm.md says, by customer id or order number, with
/// the cards it was given; anything else is 404. It records what it was asked and can be told to fail.
/// </summary>
public sealed class FakeOrdersCrm : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, object> _byCustomer = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _byOrder = new(StringComparer.OrdinalIgnoreCase);

    private FakeOrdersCrm(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapGet("/customers", Answer);
        BaseAddress = $"http://127.0.0.1:{port}";
    }

    public string BaseAddress { get; }

    /// <summary>Each request's query string, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    /// <summary>When set, every request is answered with this status.</summary>
    public int? FailWith { get; set; }

    /// <summary>When set, the next request is answered 503 with <c>Retry-After: 0</c>, and the ones after it as usual.</summary>
    public bool BusyOnce { get; set; }

    /// <summary>Bearer token the requests carried (the last one).</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>On a port chosen beforehand, since silos are told the CRM's address before it starts.</summary>
    public static async Task<FakeOrdersCrm> StartAsync(int port)
    {
        var crm = new FakeOrdersCrm(port);
        await crm._app.StartAsync();
        return crm;
    }

    /// <summary>A card for <paramref name="customerId"/> with <paramref name="orders"/>, found by the id or any order's number.</summary>
    public void Add(string customerId, params (string Number, string Date, string Status, string? DeliveryDate)[] orders)
    {
        var card = new
        {
            customer = new { id = customerId, name = "Irina", email = (string?)null, phone = (string?)null, segment = (string?)null },
            orders = orders.Select(o => new { number = o.Number, date = o.Date, total = 10m, currency = "EUR", status = o.Status, deliveryDate = o.DeliveryDate }).ToList(),
        };
        _byCustomer[customerId] = card;
        foreach (var order in orders)
        {
            _byOrder[order.Number] = card;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Answer(HttpRequest request)
    {
        Asked.Enqueue(request.QueryString.Value ?? "");
        LastAuthorization = request.Headers.Authorization.ToString();
        if (FailWith is { } status)
        {
            return Results.StatusCode(status);
        }
        if (BusyOnce)
        {
            BusyOnce = false;
            request.HttpContext.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var card = request.Query["customerId"].ToString() is { Length: > 0 } customerId ? _byCustomer.GetValueOrDefault(customerId)
            : request.Query["orderNumber"].ToString() is { Length: > 0 } number ? _byOrder.GetValueOrDefault(number)
            : null;
        return card is null ? Results.NotFound() : Results.Json(card);
    }
}
