using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Visitors;

[GenerateSerializer, Alias("Switchboard.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string? LastOperator { get; set; }
    [Id(1)] public List<ChannelIdentity> Identities { get; set; } = [];
    /// <summary>Newest last, bounded like a visitor's own list.</summary>
    [Id(2)] public List<CustomerConversation> Conversations { get; set; } = [];
    /// <summary>The customer's first conversation ever, kept for the <c>customer.first_contact</c> webhook.</summary>
    [Id(3)] public CustomerConversation? FirstContact { get; set; }
    /// <summary>True once the webhook outbox holds the first contact (it is queued exactly once).</summary>
    [Id(4)] public bool FirstContactQueued { get; set; }
    /// <summary>
    /// Ids of every conversation that fell off <see cref="Conversations"/>, oldest first: erasure and export reach all of
    /// a customer's chats, however many. Ids only (about 40 bytes each), and a customer is a verified identity.
    /// </summary>
    [Id(5)] public List<string> EarlierConversations { get; set; } = [];
}
