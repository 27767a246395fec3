using Switchboard.Contracts.Campaigns;

namespace Switchboard.Domain.Campaigns;

/// <summary>Whether a campaign's <see cref="CallingHours"/> are open at a moment in a customer's zone, and when they next open.</summary>
public static class CallingWindow
{
    /// <summary>The zone named <paramref name="id"/> (UTC for none), or null when this machine knows no such zone.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Utc;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static bool IsOpen(this CallingHours hours, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (hours.AroundTheClock)
        {
            return true;
        }
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return hours.From < hours.To ? local >= hours.From && local < hours.To : local >= hours.From || local < hours.To;
    }

    /// <summary><paramref name="at"/> itself when the window is open then, else the next moment it opens.</summary>
    public static DateTimeOffset NextOpen(this CallingHours hours, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (hours.IsOpen(at, zone))
        {
            return at;
        }
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var opening = local.Date + hours.From.ToTimeSpan();
        if (opening <= local.DateTime)
        {
            opening = opening.AddDays(1);
        }
        // The local opening time back to an instant; a time a clock change skips opens an hour later.
        var offset = zone.IsInvalidTime(opening) ? zone.GetUtcOffset(opening.AddHours(1)) : zone.GetUtcOffset(opening);
        return new DateTimeOffset(opening, offset).ToUniversalTime();
    }
}
