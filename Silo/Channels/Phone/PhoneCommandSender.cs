using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Silo.Channels.Phone;

/// <summary>
/// Commands the product starts itself (<c>originate</c>), POSTed to the site's <c>commandUrl</c> with the same signature
/// header as the events. Every way it can fail is a <see cref="PhoneCommandException"/> with a readable reason.
/// </summary>
public sealed class PhoneCommandSender(HttpClient http, IConfiguration configuration)
{
    public const double DefaultTimeoutSeconds = 5;

    public async Task SendAsync(PhoneChannel channel, object command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channel.CommandUrl))
        {
            throw new PhoneCommandException("The site's phone channel has no commandUrl.");
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(command, PhoneCommandsJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.CommandUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(PhoneSignature.Header, BodySignature.Sign(channel.SigningSecret, body));
        var seconds = configuration.GetValue($"{PhoneChannelSettings.Section}:CommandTimeoutSeconds", DefaultTimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new PhoneCommandException($"The PBX answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PhoneCommandException($"The PBX did not answer within {seconds:0.#} s.");
        }
        catch (HttpRequestException error)
        {
            throw new PhoneCommandException($"The PBX could not be reached: {error.Message}");
        }
    }
}
