using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// Which sites' calls come from an Asterisk over ARI. Interim, like <see cref="PhoneChannelSettings"/>: read from
/// configuration, <c>Phone:Sites:{site}:Ari:{BaseUrl,User,Password,App}</c> (and optionally <c>OperatorEndpoint</c>,
/// <c>DialEndpoint</c>, <c>MediaBaseUrl</c>, <c>Record</c>, <c>RecordingUrl</c>). The one place that reads them, so it can move to the site's channel
/// settings once those exist.
/// </summary>
public sealed class AriSettings(IConfiguration configuration)
{
    public const string Section = "Ari";

    /// <summary>Every site with a complete ARI section.</summary>
    public IReadOnlyList<AriSite> Sites() =>
        configuration.GetSection($"{PhoneChannelSettings.Section}:Sites").GetChildren()
            .Select(site => For(site.Key)).OfType<AriSite>().ToList();

    /// <summary>The site's ARI connection, or null when it has none (or an incomplete one).</summary>
    public AriSite? For(string site)
    {
        var ari = configuration.GetSection($"{PhoneChannelSettings.Section}:Sites:{site}:{Section}");
        if (!Uri.TryCreate(ari["BaseUrl"], UriKind.Absolute, out var baseUrl)
            || ari["User"] is not { Length: > 0 } user || ari["Password"] is not { } password || ari["App"] is not { Length: > 0 } app)
        {
            return null;
        }
        var defaults = new AriSite(site, baseUrl, user, password, app);
        return defaults with
        {
            OperatorEndpoint = ari["OperatorEndpoint"] is { Length: > 0 } operators ? operators : defaults.OperatorEndpoint,
            DialEndpoint = ari["DialEndpoint"] is { Length: > 0 } dial ? dial : defaults.DialEndpoint,
            MediaBaseUrl = Uri.TryCreate(ari["MediaBaseUrl"], UriKind.Absolute, out var media) ? media : null,
            Record = ari.GetValue<bool>("Record"),
            RecordingUrl = ari["RecordingUrl"] is { Length: > 0 } recordings ? recordings : null,
        };
    }
}
