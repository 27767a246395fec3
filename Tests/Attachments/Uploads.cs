using System.Net.Http.Headers;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

/// <summary>Uploads the way the widget and the console do: multipart, one file, a Bearer token.</summary>
public static class Uploads
{
    public static async Task<HttpResponseMessage> PostAsync(
        GatewayHost host, string site, string token, HttpContent file, string fileName, string declaredType = "image/jpeg", string? conversationId = null)
    {
        using var form = new MultipartFormDataContent();
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        if (conversationId is not null)
        {
            form.Add(new StringContent(conversationId), "conversationId");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sites/{site}/attachments") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(GatewayHost host, string site, string token, byte[] bytes, string fileName, string declaredType = "image/jpeg") =>
        PostAsync(host, site, token, new ByteArrayContent(bytes), fileName, declaredType);

    public static async Task<JsonElement> UploadedAsync(GatewayHost host, string site, string token, byte[] bytes, string fileName, string? conversationId = null)
    {
        using var response = await PostAsync(host, site, token, new ByteArrayContent(bytes), fileName, conversationId: conversationId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Upload refused: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Every file the gateway keeps for attachments, and every upload it is still spooling (the fixture's spool directory).</summary>
    public static IReadOnlyList<string> FilesLeft(string dataDirectory)
    {
        return [.. new[] { "attachments", "spool" }
            .Select(folder => Path.Combine(dataDirectory, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))];
    }
}
