namespace Switchboard.Contracts.Campaigns;

/// <summary>The campaigns' own refusal code: a lifecycle step the campaign's status does not allow (HTTP 409).</summary>
public static class CampaignErrors
{
    public const string Conflict = "conflict";

    public static SwitchboardException InConflict(string message) => new(Conflict, message);
}
