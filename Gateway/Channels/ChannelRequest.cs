using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels;

/// <summary>The body of <c>PUT /api/sites/{site}/channels/{channel}</c>: each platform reads its own fields.</summary>
public sealed record ChannelRequest(
    string? BotToken,
    string? WebhookSecret,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? PhoneNumberId,
    string? ApiVersion,
    string? Secret,
    string? Confirmation,
    string? GroupId,
    string? ApiBaseUrl,
    string? SigningSecret = null,
    string? CommandUrl = null,
    bool? RenderSpeech = null,
    IReadOnlyList<TemplateRequest?>? Templates = null)
{
    public const int MaxFieldLength = 1024;

    /// <summary>The stored settings, or the problems by field name.</summary>
    public (ChannelSettings? Settings, Dictionary<string, string[]> Problems) ToSettings(string channel)
    {
        if (channel == ChannelNames.Phone)
        {
            return ToPhoneSettings();
        }
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var baseUrl = ApiBaseUrl ?? DefaultBaseUrl(channel);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems["apiBaseUrl"] = ["An absolute http or https URL."];
        }
        var required = channel switch
        {
            ChannelNames.Telegram => new[] { ("botToken", BotToken), ("webhookSecret", WebhookSecret) },
            ChannelNames.WhatsApp => [("accessToken", AccessToken), ("appSecret", AppSecret), ("verifyToken", VerifyToken), ("phoneNumberId", PhoneNumberId)],
            ChannelNames.Vk => [("accessToken", AccessToken), ("secret", Secret), ("confirmation", Confirmation), ("groupId", GroupId)],
            _ => null,
        };
        if (required is null)
        {
            problems["channel"] = [$"One of: {string.Join(", ", ChannelNames.Messengers)}, {ChannelNames.Phone}."];
            return (null, problems);
        }
        foreach (var (name, value) in required)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxFieldLength)
            {
                problems[name] = [$"Required, at most {MaxFieldLength} characters."];
            }
        }
        if (channel == ChannelNames.Telegram && WebhookSecret is { } secret && !TelegramSecretAlphabet(secret))
        {
            // Telegram's setWebhook accepts only these characters in secret_token.
            problems["webhookSecret"] = ["1-256 characters A-Z, a-z, 0-9, _ and -."];
        }
        var templates = ReadTemplates(channel, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new ChannelSettings
        {
            Channel = channel, ApiBaseUrl = baseUrl!.TrimEnd('/'), BotToken = BotToken, WebhookSecret = WebhookSecret,
            AccessToken = AccessToken, AppSecret = AppSecret, VerifyToken = VerifyToken, PhoneNumberId = PhoneNumberId,
            ApiVersion = channel == ChannelNames.WhatsApp ? ApiVersion ?? "v21.0" : null,
            Secret = Secret, Confirmation = Confirmation, GroupId = GroupId, Templates = templates,
        }, problems);
    }

    /// <summary>The generic phone adapter (CHANNELS.md): <c>{signingSecret, commandUrl?, renderSpeech?}</c>.</summary>
    private (ChannelSettings? Settings, Dictionary<string, string[]> Problems) ToPhoneSettings()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(SigningSecret) || SigningSecret.Length > MaxFieldLength)
        {
            problems["signingSecret"] = [$"Required, at most {MaxFieldLength} characters."];
        }
        if (CommandUrl is not null && (!Uri.TryCreate(CommandUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems["commandUrl"] = ["An absolute http or https URL."];
        }
        return problems.Count > 0
            ? (null, problems)
            : (new ChannelSettings
            {
                Channel = ChannelNames.Phone, ApiBaseUrl = CommandUrl ?? "", SigningSecret = SigningSecret, CommandUrl = CommandUrl,
                RenderSpeech = RenderSpeech ?? false,
            }, problems);
    }

    /// <summary>WhatsApp's approved templates, each valid, no name and language twice; other channels have none.</summary>
    private List<MessageTemplate>? ReadTemplates(string channel, Dictionary<string, string[]> problems)
    {
        if (Templates is null)
        {
            return null;
        }
        if (channel != ChannelNames.WhatsApp || Templates.Count > TemplateRequest.MaxTemplates)
        {
            problems["templates"] = [$"Only WhatsApp has templates, at most {TemplateRequest.MaxTemplates}."];
            return null;
        }
        var templates = new List<MessageTemplate>();
        for (var i = 0; i < Templates.Count; i++)
        {
            if ((Templates[i] ?? new TemplateRequest(null, null, null, null)).ToTemplate(i, problems) is not { } template)
            {
                continue;
            }
            if (templates.Any(t => t.Name == template.Name && t.Language == template.Language))
            {
                problems[$"templates[{i}].name"] = [$"'{template.Name}' in '{template.Language}' is listed twice."];
            }
            templates.Add(template);
        }
        return templates;
    }

    private static string? DefaultBaseUrl(string channel) => channel switch
    {
        ChannelNames.Telegram => "https://api.telegram.org",
        ChannelNames.WhatsApp => "https://graph.facebook.com",
        ChannelNames.Vk => "https://api.vk.com",
        _ => null,
    };

    private static bool TelegramSecretAlphabet(string secret) =>
        secret.Length is >= 1 and <= 256 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
