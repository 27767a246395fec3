using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// A PBX on the generic phone adapter (channels-phone.md): posts one signed event of a call to
/// <c>/hooks/phone/{site}</c> and returns the answer's commands as JSON text.
/// </summary>
public sealed class PhoneHookClient(Target target, string site, string signingSecret) : IDisposable
{
    public const string SignatureHeader = "X-Switchboard-Signature";

    private readonly HttpClient _http = new() { BaseAddress = target.Http, Timeout = TimeSpan.FromSeconds(30) };
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public async Task<string> SendAsync(string callId, string from, string type, object? data, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId = ClientIds.Next('p'), callId, direction = "inbound", from, to = "+74950000000", at = DateTimeOffset.UtcNow, type,
            data = data ?? new { },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"hooks/phone/{site}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body)));
        using var response = await _http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? answer : throw new HttpRequestException($"{type}: {(int)response.StatusCode} {answer}");
    }

    public void Dispose() => _http.Dispose();
}
