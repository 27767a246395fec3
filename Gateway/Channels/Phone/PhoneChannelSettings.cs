namespace Switchboard.Gateway.Channels.Phone;

/// <summary>
/// A site's phone channel credentials (CHANNELS.md: <c>{signingSecret, commandUrl?}</c>). Interim: read from
/// configuration, <c>Phone:Sites:{site}:SigningSecret</c> and <c>…:CommandUrl</c>, falling back to <c>Phone:SigningSecret</c>
/// and <c>Phone:CommandUrl</c> for every site. The one place that reads them, so it can be pointed at the site's
/// channel settings (<c>PUT /api/sites/{site}/channels/phone</c>) once those exist.
/// </summary>
public sealed class PhoneChannelSettings(IConfiguration configuration)
{
    public const string Section = "Phone";

    /// <summary>The site's phone channel, or null when it has none (no signing secret: every event is refused).</summary>
    public PhoneChannel? For(string site)
    {
        var own = configuration.GetSection($"{Section}:Sites:{site}");
        var shared = configuration.GetSection(Section);
        var secret = Value(own, shared, "SigningSecret");
        return string.IsNullOrEmpty(secret) ? null : new PhoneChannel(secret, Value(own, shared, "CommandUrl"));
    }

    private static string? Value(IConfigurationSection own, IConfigurationSection shared, string name) =>
        own[name] is { Length: > 0 } value ? value : shared[name];
}
