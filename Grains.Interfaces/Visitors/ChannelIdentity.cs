namespace Switchboard.Contracts.Visitors;

/// <summary>One way to reach a customer: a channel and their id there (a Telegram user, a WhatsApp or phone number).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChannelIdentity")]
public sealed record ChannelIdentity(
    [property: Id(0)] string Channel,
    [property: Id(1)] string PlatformId);
