namespace Switchboard.Contracts.Sites;

/// <summary>
/// A queue's opening hours in its own time zone (IANA id, e.g. <c>Europe/Moscow</c>): per day of the week,
/// <c>"09:00-21:00"</c>; a day that is absent is closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WorkingHours")]
public sealed record WorkingHours(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] IReadOnlyDictionary<DayOfWeek, string> Days);
