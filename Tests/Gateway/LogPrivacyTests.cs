using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// Logs are for operating the system, not a second copy of the conversations: whatever a visitor or operator types,
/// and every credential, stays out of them, on the happy path and on the error paths alike.
/// </summary>
public sealed class LogPrivacyTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly CapturedLogs _logs = new();
    private readonly GatewayHost _host;

    public LogPrivacyTests() =>
        // The shipped levels (appsettings.json), with the product's own categories turned up to Debug.
        _host = new GatewayHost(_data.Path, new Dictionary<string, string> { ["Logging:LogLevel:Switchboard"] = "Debug" }, _logs);

    [Fact]
    public async Task Nothing_a_visitor_or_operator_typed_and_no_credential_reaches_the_logs()
    {
        var site = await TestSites.CreateAsync(_host.Grains, ("anna", 4, ["general"]));
        var token = await _host.LoginAsync(site, "anna");
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(_host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(_host, site);
        var secrets = new List<string> { token, welcome.Str("visitorToken"), TestSites.Password };

        await visitor.SendAsync(new { type = "page", url = "https://shop.example/product/coat-ZQ71", title = "Coat page ZQ72" });
        await visitor.SendAsync(new { type = "cart", items = new[] { new { sku = "c1", name = "Coat item ZQ73", qty = 1, price = 12990 } }, total = 12990, currency = "RUB" });
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "My card is 4111 1111 1111 1111, ZQ74" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await visitor.SendAsync(new { type = "typing", draft = "Draft ZQ75" });
        await anna.ExpectAsync("visitor_typing");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Operator reply ZQ76" });
        await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        await anna.SendAsync(new { type = "note", conversationId, id = "n1", text = "Internal note ZQ77" });
        await anna.ExpectAsync("note", f => f.Str("id") == "n1");
        // Error paths: a broken frame, an oversized message, a message to a conversation that is not theirs.
        await visitor.SendRawAsync("{\"type\":\"message\",\"text\":\"Broken frame ZQ78");
        await visitor.ExpectAsync("error");
        await visitor.SendAsync(new { type = "message", id = "big", text = "Oversized ZQ79 " + new string('x', 5000) });
        await visitor.ExpectAsync("error", f => f.Str("id") == "big");
        await anna.SendAsync(new { type = "message", conversationId = "0123456789abcdef0123456789abcdef", id = "a2", text = "Wrong chat ZQ80" });
        await anna.ExpectAsync("error", f => f.Str("id") == "a2");
        await visitor.DisposeAsync();
        await anna.DisposeAsync();

        Assert.NotEmpty(_logs.Entries);
        foreach (var secret in secrets.Concat(Enumerable.Range(71, 10).Select(n => $"ZQ{n}")).Append("4111 1111"))
        {
            Assert.DoesNotContain(_logs.Entries, entry => entry.Contains(secret, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
