using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Visitors;

[GenerateSerializer, Alias("Switchboard.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string? LastOperator { get; set; }
    [Id(1)] public List<ChannelIdentity> Identities { get; set; } = [];
    /// <summary>Newest last, bounded like a visitor's own list.</summary>
    [Id(2)] public List<CustomerConversation> Conversations { get; set; } = [];
}
