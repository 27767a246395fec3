using Switchboard.Contracts.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>
/// The campaigns' contacts, attempts and the sites' do-not-call lists, in SQL (SQLite standalone, PostgreSQL in a
/// cluster): a list of a million rows is never held in a grain. Every change that must not happen twice (a claim, the
/// booking of an attempt's end) is conditional on the row still being where the caller saw it.
/// </summary>
public interface ICampaignStore
{
    /// <summary>Adds contacts due at <paramref name="dueAt"/>; a number already in the campaign is a duplicate and changes nothing.</summary>
    Task<ContactsAdded> AddAsync(string site, string campaign, IReadOnlyList<CampaignContact> contacts, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> contacts due by <paramref name="now"/> (queued, or refused with a re-offer due), earliest first.</summary>
    Task<IReadOnlyList<StoredContact>> DueAsync(string site, string campaign, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    Task<int> CallingAsync(string site, string campaign, CancellationToken cancellationToken = default);

    /// <summary>Contacts whose call was claimed before <paramref name="claimedBefore"/> and never came back.</summary>
    Task<IReadOnlyList<StoredContact>> LostAsync(string site, string campaign, DateTimeOffset claimedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Books call <paramref name="callId"/> for <paramref name="contact"/> (its next attempt) before it is dialled; false when
    /// the contact has moved on since it was read (another claim got it, or it was finished).
    /// </summary>
    Task<bool> ClaimAsync(string site, string campaign, StoredContact contact, string callId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Moves a contact's due time (outside calling hours) without calling it.</summary>
    Task DeferAsync(string site, string campaign, long contactId, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>Finishes a contact without a call (on the do-not-call list when its turn came).</summary>
    Task SkipAsync(string site, string campaign, long contactId, string result, CancellationToken cancellationToken = default);

    Task<StoredContact?> ContactAsync(string site, string campaign, long contactId, CancellationToken cancellationToken = default);

    /// <summary>Books the end of call <paramref name="callId"/> and moves its contact on; false when it was booked already.</summary>
    Task<bool> CompleteAsync(string site, string campaign, string callId, string result, DateTimeOffset endedAt, ContactOutcome outcome, CancellationToken cancellationToken = default);

    Task<CampaignCounts> CountsAsync(string site, string campaign, CancellationToken cancellationToken = default);

    /// <summary>The attempts of up to <paramref name="contacts"/> contacts after contact <paramref name="afterContactId"/>, in contact order.</summary>
    Task<IReadOnlyList<CampaignResult>> ResultsAsync(string site, string campaign, long afterContactId, int contacts, CancellationToken cancellationToken = default);

    /// <summary>The ids of the site's campaigns that have contacts, by when their first contact was added (a campaign without contacts has no row here).</summary>
    Task<IReadOnlyList<string>> CampaignsAsync(string site, CancellationToken cancellationToken = default);

    Task<IReadOnlySet<string>> DoNotCallAmongAsync(string site, IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default);

    Task AddDoNotCallAsync(string site, IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default);

    Task RemoveDoNotCallAsync(string site, string phone, CancellationToken cancellationToken = default);
}
