namespace Switchboard.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("Switchboard.QueueConfig")]
public sealed record QueueConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name);
