using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Switchboard.LoadTests.Uploads;

/// <summary>A visitor of the demo site as the widget is: a token from the socket's welcome, then uploads over HTTP.</summary>
public sealed class UploadClient(Uri gateway, string site, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };

    public static async Task<UploadClient> VisitAsync(Uri gateway, string site)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{gateway.Authority}/ws/visitor?site={site}"), CancellationToken.None);
        await socket.SendAsync("{\"type\":\"hello\"}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
            var frame = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, read.Count)).RootElement;
            if (frame.GetProperty("type").GetString() == "welcome")
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return new UploadClient(gateway, site, frame.GetProperty("visitorToken").GetString()!);
            }
        }
    }

    /// <summary>One upload; its time from the first byte sent to the answer read, or an exception naming the refusal.</summary>
    public async Task<TimeSpan> UploadAsync(byte[] file, string name, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/attachments") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"Upload refused: {(int)response.StatusCode} {body}");
        }
        return clock.Elapsed;
    }

    public void Dispose() => _http.Dispose();
}
