namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// A campaign call's id names its campaign, contact, step and attempt: <c>cm-{campaign}-{contact}-{step}-{attempt}</c>. It
/// is the idempotency key of that attempt: claimed in the store before the originate, so no step is dialled twice.
/// </summary>
public static class CampaignCallIds
{
    public const string Prefix = "cm-";

    public static string For(string campaignId, long contactId, int step, int attempt) => $"{Prefix}{campaignId}-{contactId}-{step}-{attempt}";

    public static bool IsCampaignCall(string callId) => callId.StartsWith(Prefix, StringComparison.Ordinal);

    public static (string CampaignId, long ContactId)? Parse(string callId)
    {
        var parts = callId.Split('-');
        return parts is [_, var campaign, var contact, _, _] && long.TryParse(contact, out var id) ? (campaign, id) : null;
    }
}
