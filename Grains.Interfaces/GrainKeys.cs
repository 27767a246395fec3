namespace Switchboard.Contracts;

/// <summary>
/// The one key format: every grain key carries its site (tenant) and a kind prefix,
/// e.g. <c>demo/c:8f3c…</c>. Prefixes keep grain types apart in shared storage and stop
/// hex-looking ids from being read as numbers by storage providers.
/// </summary>
public static class GrainKeys
{
    public static string Site(string site) => $"site:{site}";

    /// <summary>The one directory of site names (<see cref="Sites.ISiteDirectoryGrain"/>): of no site, so it names none.</summary>
    public const string SiteDirectory = "sites";

    public static string Visitor(string site, string visitorId) => $"{site}/v:{visitorId}";
    public static string Conversation(string site, string conversationId) => $"{site}/c:{conversationId}";
    public static string Queue(string site, string queueId) => $"{site}/q:{queueId}";
    public static string Operator(string site, string login) => $"{site}/o:{login}";
    public static string Customer(string site, string customerId) => $"{site}/u:{customerId}";
    public static string Outbox(string site, string conversationId) => $"{site}/x:{conversationId}";
    public static string Call(string site, string callId) => $"{site}/p:{callId}";
    public static string CallFigures(string site, string queueId) => $"{site}/pf:{queueId}";
    public static string AriLine(string site) => $"{site}/pa:ari";
    public static string SiteWebhooks(string site) => $"{site}/wh:site";
    public static string ConversationWebhooks(string site, string conversationId) => $"{site}/wo:c-{conversationId}";
    public static string CustomerWebhooks(string site, string customerId) => $"{site}/wo:u-{customerId}";
    public static string Exports(string site) => $"{site}/ex:site";
    public static string DailySummary(string site) => $"{site}/ds:site";
    public static string Campaign(string site, string campaignId) => $"{site}/cm:{campaignId}";
    public static string CampaignCall(string site, string callId) => $"{site}/cc:{callId}";
    public static string CampaignList(string site) => $"{site}/cl:site";
    public static string EmailThread(string site, string threadKey) => $"{site}/em:{threadKey}";
    public static string Mailbox(string site) => $"{site}/mb:site";

    /// <summary>Splits a key made by this class into its site and its id (without the kind prefix).</summary>
    public static (string Site, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/');
        var colon = key.IndexOf(':', slash + 1);
        if (slash <= 0 || colon < 0)
        {
            throw new ArgumentException($"'{key}' is not a site-scoped grain key.", nameof(key));
        }
        return (key[..slash], key[(colon + 1)..]);
    }

    /// <summary>A new random id: 128 bits, URL-safe, unguessable.</summary>
    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
