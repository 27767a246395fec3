using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Gateway.Privacy;

/// <summary>Everything held about one customer, for their access request: identities, conversations with every event, and their files' links.</summary>
public sealed record CustomerExport(
    string CustomerId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ChannelIdentity> Identities,
    string? LastOperator,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<Attachment> Attachments);
