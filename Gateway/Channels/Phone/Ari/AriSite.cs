namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// One site's Asterisk: where its ARI listens, the ARI user, the Stasis application its dialplan sends calls to, how
/// operators and customers are dialled, and the gateway's address as Asterisk reaches it (for rendered prompts).
/// </summary>
public sealed record AriSite(string Site, Uri BaseUrl, string User, string Password, string App)
{
    /// <summary>An operator's phone: <c>{operator}</c> is replaced by the operator's login.</summary>
    public string OperatorEndpoint { get; init; } = "PJSIP/{operator}";

    /// <summary>A customer's number, for call backs: <c>{number}</c> is replaced by it.</summary>
    public string DialEndpoint { get; init; } = "PJSIP/{number}";

    /// <summary>The gateway's base address as Asterisk reaches it; prompts are played from <c>{MediaBaseUrl}/phone/speech/…</c>.</summary>
    public Uri? MediaBaseUrl { get; init; }

    /// <summary>Whether calls are recorded once an operator picks up (the call's bridge, both voices); off unless set.</summary>
    public bool Record { get; init; }

    /// <summary>
    /// Where a recording is found, <c>{name}</c> being its name: the link the transcript gets. By default ARI's own
    /// <c>{BaseUrl}/ari/recordings/stored/{name}/file</c>, which asks for the ARI user's credentials.
    /// </summary>
    public string? RecordingUrl { get; init; }

    public string RecordingUrlOf(string name) => RecordingUrl is { } template
        ? template.Replace("{name}", Uri.EscapeDataString(name), StringComparison.Ordinal)
        : new Uri(BaseUrl, $"ari/recordings/stored/{Uri.EscapeDataString(name)}/file").ToString();

    public string OperatorEndpointOf(string operatorId) => OperatorEndpoint.Replace("{operator}", operatorId, StringComparison.Ordinal);

    public string DialEndpointOf(string number) => DialEndpoint.Replace("{number}", number, StringComparison.Ordinal);
}
