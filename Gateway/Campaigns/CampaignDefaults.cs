namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// What a new campaign of a kind starts from (an extension, docs/campaigns.md): the script's default prompts in the
/// language asked (else the site's), the days before the call, the site's time zone for the calling hours, and the
/// contact data fields the script speaks.
/// </summary>
public sealed record CampaignDefaults(
    string Kind, string Language, int AfterDays, string TimeZone, IReadOnlyDictionary<string, string> Prompts, IReadOnlyList<string> DataFields);
