namespace Switchboard.Contracts.Campaigns;

/// <summary>
/// One robot call campaign (key <c>{site}/cm:{id}</c>): its definition and lifecycle, and the pacing of its calls. The
/// contacts are in the campaign store, not in the grain; while running, a reminder keeps it alive across silo deaths.
/// </summary>
[Alias("Switchboard.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Creates the campaign as a draft; the same definition again is a no-op, another one is refused.</summary>
    [Alias("Create")]
    Task<CampaignProgress> Create(CampaignDefinition definition);

    /// <summary>
    /// The definition, or null for a campaign never created. Interleaved: a campaign call's first event asks for it, and a
    /// PBX may send that event before it answers the originate the campaign is still waiting on.
    /// </summary>
    [Alias("GetDefinition"), AlwaysInterleave]
    Task<CampaignDefinition?> GetDefinition();

    /// <summary>Adds checked contacts (a batch of a streamed list); numbers already in the campaign are counted as duplicates.</summary>
    [Alias("AddContacts")]
    Task<ContactsAdded> AddContacts(IReadOnlyList<CampaignContact> contacts);

    [Alias("Start")]
    Task<CampaignProgress> Start();

    [Alias("Pause")]
    Task<CampaignProgress> Pause();

    [Alias("Resume")]
    Task<CampaignProgress> Resume();

    /// <summary>Stops for good: no new call starts; calls in progress finish.</summary>
    [Alias("Stop")]
    Task<CampaignProgress> Stop();

    [Alias("GetProgress")]
    Task<CampaignProgress> GetProgress();

    /// <summary>A page of <c>results.csv</c>: the attempts of up to <paramref name="contacts"/> contacts after <paramref name="afterContactId"/>.</summary>
    [Alias("GetResults")]
    Task<IReadOnlyList<CampaignResult>> GetResults(long afterContactId, int contacts);

    /// <summary>Starts the calls that are due now (the pacing timer and the reminder call it; so may a test after moving its clock).</summary>
    [Alias("Tick")]
    Task Tick();

    /// <summary>A campaign call ended with <paramref name="result"/> (<see cref="CallResults"/>): the contact is finished, retried or re-offered.</summary>
    [Alias("CallEnded")]
    Task CallEnded(string callId, string result);
}
