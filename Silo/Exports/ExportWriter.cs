using System.Net.Http.Headers;
using Switchboard.Contracts.Exports;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains.Exports;

namespace Switchboard.Silo.Exports;

/// <summary>
/// Writes a window to a file (through a temporary file and a rename, so a reader never sees half a window and a
/// rewrite replaces it) or posts it, signed, to the site's URL through the guarded client.
/// </summary>
public sealed class ExportWriter(string directory, HttpClient http) : IExportTarget
{
    public const string WindowHeader = "X-Switchboard-Export-Window";

    public async Task WriteAsync(string site, ExportSettings settings, ExportWindow window, byte[] ndjson, CancellationToken cancellationToken)
    {
        if (settings.Target == ExportTargets.Http)
        {
            await Post(site, settings, window, ndjson, cancellationToken);
            return;
        }
        var folder = Path.Combine(directory, site);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, window.Name(site) + ".ndjson");
        var temporary = path + ".partial";
        await File.WriteAllBytesAsync(temporary, ndjson, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private async Task Post(string site, ExportSettings settings, ExportWindow window, byte[] ndjson, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(ndjson) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.Add(WindowHeader, window.Name(site));
        if (settings.Secret is { } secret)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, ndjson));
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The export endpoint answered {(int)response.StatusCode}.");
        }
    }
}
