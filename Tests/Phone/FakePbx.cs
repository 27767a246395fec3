using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Silo.Channels;
using Switchboard.Silo.Channels.Phone;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>A PBX speaking the generic adapter: posts signed events of its calls over real HTTP and reads the commands back.</summary>
public sealed class FakePbx(GatewayHost host, string site, string secret = FakePbx.Secret)
{
    public const string Secret = "pbx-test-signing-secret";
    public const string Caller = "+79005556677";

    private int _events;

    public Task<HttpResponseMessage> PostAsync(string body, string? signature) =>
        host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/hooks/phone/{site}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { { PhoneSignature.Header, signature ?? Sign(body, secret) } },
        });

    public static string Sign(string body, string secret = Secret) => BodySignature.Sign(secret, Encoding.UTF8.GetBytes(body));

    /// <summary>The JSON of an event of call <paramref name="callId"/>; a fresh event id unless one is given (a redelivery).</summary>
    public string Event(string callId, string type, object? data = null, string? eventId = null, string from = Caller) =>
        JsonSerializer.Serialize(new
        {
            eventId = eventId ?? $"e-{callId}-{Interlocked.Increment(ref _events)}",
            callId,
            direction = "inbound",
            from,
            to = "+74950000000",
            at = DateTimeOffset.UtcNow,
            type,
            data = data ?? new { },
        });

    /// <summary>Posts a signed event and returns its commands, failing unless the gateway answered 200.</summary>
    public async Task<JsonElement[]> SendAsync(string body)
    {
        using var response = await PostAsync(body, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return answer.GetProperty("commands").EnumerateArray().ToArray();
    }

    public Task<JsonElement[]> SendAsync(string callId, string type, object? data = null) => SendAsync(Event(callId, type, data));
}
