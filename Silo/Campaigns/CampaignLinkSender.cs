using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Campaigns;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Silo.Channels;
using Switchboard.Silo.Channels.WhatsApp;

namespace Switchboard.Silo.Campaigns;

/// <summary>
/// Back in stock's product link: by the campaign's approved WhatsApp template through the site's WhatsApp channel (the
/// messengers' own sender) when the campaign names one and the site has the channel on; otherwise, or when WhatsApp did
/// not take it, by SMS through the configured HTTP SMS gateway.
/// </summary>
public sealed class CampaignLinkSender(
    HttpClient http, IOptions<SmsGatewayOptions> options, IGrainFactory grains, WhatsAppSender whatsApp, ILogger<CampaignLinkSender> logger)
    : ICampaignLinkSender
{
    public async Task<string?> SendAsync(
        string site, string phone, string item, string link, string? whatsAppTemplate, string language, CancellationToken cancellationToken)
    {
        if (whatsAppTemplate is { Length: > 0 } template)
        {
            var refused = await SendWhatsAppAsync(site, phone, item, link, template, language, cancellationToken);
            if (refused is null)
            {
                return null;
            }
            logger.LogWarning("Site {Site}: the product link's WhatsApp template {Template} was not sent ({Problem}); sending it by SMS", site, template, refused);
        }
        return await SendSmsAsync(site, phone, $"{item}: {link}", cancellationToken);
    }

    private async Task<string?> SendWhatsAppAsync(
        string site, string phone, string item, string link, string template, string language, CancellationToken cancellationToken)
    {
        var channel = (await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetChannels()).FirstOrDefault(c => c.Channel == ChannelNames.WhatsApp);
        if (channel is not { Enabled: true })
        {
            return "the site has no WhatsApp channel switched on";
        }
        // WhatsApp addresses a person by the number's digits (their wa_id), without the plus.
        var message = new PlatformMessage($"cm-link-{phone}", $"{item}: {link}", Template: template, TemplateLanguage: language)
        {
            TemplateParameters = [item, link],
        };
        try
        {
            var outcome = await whatsApp.SendAsync(channel, phone.TrimStart('+'), message, cancellationToken);
            return outcome.Status == PlatformStatus.Sent ? null : $"{outcome.Status}: {outcome.Error}";
        }
        catch (Exception error) when (error is HttpRequestException or System.Text.Json.JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return error.Message;
        }
    }

    private async Task<string?> SendSmsAsync(string site, string phone, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Url))
        {
            return "no SMS gateway is configured (Campaigns:Sms:Url)";
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new { to = phone, text, sender = settings.Sender, site }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", settings.ApiKey);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"the SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the SMS gateway did not answer within {settings.TimeoutSeconds:0.#} s";
        }
        catch (HttpRequestException error)
        {
            return $"the SMS gateway could not be reached: {error.Message}";
        }
    }
}
