namespace Switchboard.Silo.Campaigns;

/// <summary>CHANNELS.md's <c>originate</c> as a campaign sends it, with <c>campaign</c> set to the campaign's id.</summary>
public sealed record CampaignOriginate(string CallId, string To, int TimeoutSeconds, string Campaign)
{
    /// <summary>How long the customer's phone rings before the PBX gives up (<c>no_answer</c>).</summary>
    public const int RingSeconds = 30;

    public string Type => "originate";
}
