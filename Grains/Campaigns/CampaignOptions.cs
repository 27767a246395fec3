namespace Switchboard.Grains.Campaigns;

/// <summary><c>Campaigns:*</c> settings (docs/configuration.md).</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    /// <summary>How often a running campaign looks for due contacts and free lines.</summary>
    public double PaceSeconds { get; set; } = 1;

    /// <summary>A call whose end never came back (a PBX or host died mid-call) is counted failed, and retried, after this long.</summary>
    public double LostCallMinutes { get; set; } = 30;

    /// <summary>How long after a quote reminder's "no" it is offered again, unless the campaign says (<c>reofferDays</c>).</summary>
    public int ReofferDays { get; set; } = 30;
}
