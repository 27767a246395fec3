namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// CHANNELS.md's progress counts. Contacts by where they are: <see cref="Queued"/> (waiting for a first call, a retry or
/// a re-offer), <see cref="Calling"/> now, finished with <see cref="Yes"/>, <see cref="No"/>, <see cref="Refused"/>
/// (a quote declined for good), <see cref="Failed"/> (attempts used up, or on the do-not-call list); <see cref="Answered"/>
/// counts contacts who picked up at least once, <see cref="Remaining"/> those not finished.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.CampaignCounts")]
public sealed record CampaignCounts(
    [property: Id(0)] int Queued,
    [property: Id(1)] int Calling,
    [property: Id(2)] int Answered,
    [property: Id(3)] int Yes,
    [property: Id(4)] int No,
    [property: Id(5)] int Refused,
    [property: Id(6)] int Failed,
    [property: Id(7)] int Remaining);
