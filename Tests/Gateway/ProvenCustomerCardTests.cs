using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Gateway.Crm;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// The customer card shows a person's name, e-mail and orders, so it is matched only on what is proven: a signed
/// customer id, or a number the operator confirmed. A number the visitor typed never pulls a card on its own.
/// </summary>
public sealed class ProvenCustomerCardTests : IDisposable
{
    private const string TypedPhone = "+7 912 000-11-22";

    private readonly TempDirectory _data = new();
    private readonly RecordingCrm _crm = new();
    private readonly GatewayHost _host;

    public ProvenCustomerCardTests() =>
        _host = new GatewayHost(_data.Path, new Dictionary<string, string> { ["Crm:Endpoint"] = "http://crm.invalid" },
            services: s => s.AddHttpClient(nameof(CrmClient)).ConfigurePrimaryHttpMessageHandler(() => _crm));

    [Fact]
    public async Task A_phone_the_visitor_typed_is_offered_for_confirmation_and_never_looked_up_on_its_own()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var conversationId = await ChatAsync(site, hello: null, callbackPhone: TypedPhone);

        var response = await CardAsync(site, conversationId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TypedPhone, problem.Str("candidatePhone"));
        Assert.Contains("confirm their phone number", problem.Str("title"));
        Assert.DoesNotContain(_crm.Queries, q => q.Contains($"site={site}"));
    }

    [Fact]
    public async Task A_phone_the_operator_confirms_is_looked_up_for_the_site_and_the_card_says_so()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var conversationId = await ChatAsync(site, hello: null, callbackPhone: TypedPhone);

        var response = await CardAsync(site, conversationId, confirmedPhone: TypedPhone);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CardMatch.OperatorConfirmedPhone, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("matchedBy"));
        var query = Assert.Single(_crm.Queries, q => q.Contains($"site={site}"));
        Assert.Contains("phone=%2B7%20912%20000-11-22", query);
        Assert.DoesNotContain("customerId", query);
    }

    [Fact]
    public async Task A_signed_in_customer_is_looked_up_by_their_verified_id_even_when_they_typed_a_phone()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var identity = SignedIdentity.For("test-identity-secret", "c-77", DateTimeOffset.UtcNow.AddMinutes(10), name: "Irina");
        var conversationId = await ChatAsync(site, new { type = "hello", identity }, callbackPhone: TypedPhone);

        var response = await CardAsync(site, conversationId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CardMatch.VerifiedCustomerId, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("matchedBy"));
        var query = Assert.Single(_crm.Queries, q => q.Contains($"site={site}"));
        Assert.Contains("customerId=c-77", query);
        Assert.DoesNotContain("phone", query);
    }

    [Fact]
    public async Task A_visitor_whose_signature_does_not_match_is_a_guest_told_why_and_gets_no_card()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var forged = SignedIdentity.For("not-the-sites-secret", "c-77", DateTimeOffset.UtcNow.AddMinutes(10));
        var (visitor, _) = await ChatPeers.VisitorAsync(_host, site, new { type = "hello", identity = forged });

        var error = visitor.Received.First(f => f.Str("type") == "error");

        Assert.Equal("unauthorized", error.Str("code"));
        Assert.Contains("signature does not match", error.Str("message"));
        await visitor.DisposeAsync();
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }

    private async Task<string> ChatAsync(string site, object? hello, string callbackPhone)
    {
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(_host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(_host, site, hello);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Where is my order?" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await visitor.SendAsync(new { type = "callback", id = "cb", phone = callbackPhone });
        await visitor.ExpectAsync("callback");
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
        return conversationId;
    }

    private async Task<HttpResponseMessage> CardAsync(string site, string conversationId, string? confirmedPhone = null)
    {
        var query = confirmedPhone is null ? "" : $"?confirmedPhone={Uri.EscapeDataString(confirmedPhone)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/conversations/{conversationId}/customer{query}");
        request.Headers.Authorization = new("Bearer", await _host.LoginAsync(site, "anna"));
        return await _host.Http.SendAsync(request);
    }

    /// <summary>A CRM that knows everyone and records every query it is asked.</summary>
    private sealed class RecordingCrm : HttpMessageHandler
    {
        public ConcurrentQueue<string> Queries { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Queries.Enqueue(request.RequestUri!.Query);
            var card = new { customer = new { id = "c-77", name = "Irina" }, orders = Array.Empty<object>() };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(card) });
        }
    }
}
