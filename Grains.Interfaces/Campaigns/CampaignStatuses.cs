namespace Switchboard.Contracts.Campaigns;

/// <summary>A campaign's lifecycle: created as a draft, started, paused and resumed, stopped for good or done when no contact is left.</summary>
public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string Done = "done";
}
