namespace Switchboard.Contracts.Monitoring;

[GenerateSerializer, Immutable, Alias("Switchboard.RatingEntry")]
public sealed record RatingEntry(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] int Score,
    [property: Id(2)] string? Comment,
    [property: Id(3)] DateTimeOffset At);
