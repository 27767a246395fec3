namespace Switchboard.Grains.Campaigns;

/// <summary>Where a campaign's contact is, as stored.</summary>
public static class ContactStates
{
    /// <summary>Waiting for its first call, a retry, or (quote reminders) a re-offer after a "no": due at its <c>due</c> time.</summary>
    public const string Queued = "queued";
    /// <summary>Claimed for a call: its attempt is booked before the originate goes out, so it is never dialled twice.</summary>
    public const string Calling = "calling";
    public const string Yes = "yes";
    public const string No = "no";
    /// <summary>A quote reminder's "no": re-offered at its <c>due</c> time while one is set (within a year of the first call).</summary>
    public const string Refused = "refused";
    /// <summary>Picked up, but no choice was heard.</summary>
    public const string Answered = "answered";
    /// <summary>Attempts used up, or on the do-not-call list.</summary>
    public const string Failed = "failed";
}
