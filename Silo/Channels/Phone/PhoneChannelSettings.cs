using Microsoft.Extensions.Configuration;
using Orleans;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Silo.Channels.Phone;

/// <summary>
/// A site's phone channel credentials (CHANNELS.md: <c>{signingSecret, commandUrl?}</c>), the one place that reads
/// them. The site's own channel (<c>PUT /api/sites/{site}/channels/phone</c>, kept by its site grain) wins; a site
/// without one falls back to configuration: <c>Phone:Sites:{site}:SigningSecret</c> and <c>…:CommandUrl</c>, then
/// <c>Phone:SigningSecret</c> and <c>Phone:CommandUrl</c> for every site. A stored channel switched off refuses
/// everything: switching it off must not quietly hand the site back to a shared secret.
/// </summary>
public sealed class PhoneChannelSettings(IConfiguration configuration, IGrainFactory grains)
{
    public const string Section = "Phone";

    /// <summary>The site's phone channel, or null when it has none (no signing secret: every event is refused).</summary>
    public async Task<PhoneChannel?> ForAsync(string site)
    {
        var channels = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetChannels();
        if (channels.FirstOrDefault(c => c.Channel == ChannelNames.Phone) is { } stored)
        {
            return stored is { Enabled: true, SigningSecret: { Length: > 0 } secret }
                ? new PhoneChannel(secret, stored.CommandUrl, stored.RenderSpeech || RenderSpeechConfigured)
                : null;
        }
        return FromConfiguration(site);
    }

    /// <summary>The configuration's fallback alone (<c>Phone:*</c>).</summary>
    public PhoneChannel? FromConfiguration(string site)
    {
        var own = configuration.GetSection($"{Section}:Sites:{site}");
        var shared = configuration.GetSection(Section);
        var secret = Value(own, shared, "SigningSecret");
        return string.IsNullOrEmpty(secret) ? null : new PhoneChannel(secret, Value(own, shared, "CommandUrl"), RenderSpeechConfigured);
    }

    private bool RenderSpeechConfigured => configuration.GetValue<bool>($"{Section}:RenderSpeech");

    private static string? Value(IConfigurationSection own, IConfigurationSection shared, string name) =>
        own[name] is { Length: > 0 } value ? value : shared[name];
}
