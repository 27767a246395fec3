using Switchboard.Contracts;
using Switchboard.Grains;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// Which key seals a grain's state. State about one person is sealed with a key of theirs, so destroying it
/// (erasure) makes that state unreadable in every backup too: a customer's and a visitor's own, a call's own, and the
/// outboxes of a conversation or a customer with the conversation's or the customer's key (what they hold is that
/// conversation's or customer's). Everything else is sealed with its site's key.
/// </summary>
public sealed record StateKeyOwner(string Site, string? DataKeyOwner)
{
    /// <summary>True when the state has a key of its own, destroyed with the state when it is cleared.</summary>
    public bool OwnsKey(string grainKey) => DataKeyOwner == grainKey;

    /// <summary>The owner for a grain key made by <see cref="GrainKeys"/>; null for a key that names no site.</summary>
    public static StateKeyOwner? Of(string stateName, string grainKey)
    {
        const string SitePrefix = "site:";
        if (grainKey.StartsWith(SitePrefix, StringComparison.Ordinal))
        {
            return new StateKeyOwner(grainKey[SitePrefix.Length..], null);
        }
        var slash = grainKey.IndexOf('/');
        if (slash <= 0 || grainKey.IndexOf(':', slash + 1) < 0)
        {
            return null;
        }
        var (site, id) = GrainKeys.Parse(grainKey);
        return new StateKeyOwner(site, stateName switch
        {
            StorageNames.CustomerState or StorageNames.VisitorState or StorageNames.CallState => grainKey,
            StorageNames.OutboxState or StorageNames.OutboxOutcomes => GrainKeys.Conversation(site, id),
            StorageNames.WebhookOutboxState when id.StartsWith("c-", StringComparison.Ordinal) => GrainKeys.Conversation(site, id[2..]),
            StorageNames.WebhookOutboxState when id.StartsWith("u-", StringComparison.Ordinal) => GrainKeys.Customer(site, id[2..]),
            _ => null,
        });
    }
}
