using System.Globalization;
using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Routing;

/// <summary>Reads <see cref="WorkingHours"/>: open or not at an instant, and the hours as a visitor would read them.</summary>
public static class WorkingHoursCalendar
{
    public static bool IsOpen(WorkingHours? hours, DateTimeOffset now)
    {
        if (hours is null)
        {
            return true;
        }
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone));
        return hours.Days.TryGetValue(local.DayOfWeek, out var range)
            && TryParse(range, out var open, out var close)
            && local.TimeOfDay >= open && local.TimeOfDay < close;
    }

    /// <summary>e.g. <c>Mon–Fri 09:00–21:00, Sat 10:00–18:00 (Europe/Moscow)</c>.</summary>
    public static string? Describe(WorkingHours? hours)
    {
        if (hours is null)
        {
            return null;
        }
        var days = Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7)
            .Where(hours.Days.ContainsKey)
            .GroupBy(d => hours.Days[d])
            .Select(group => $"{DayRange(group.ToList())} {group.Key.Replace('-', '–')}");
        return $"{string.Join(", ", days)} ({hours.TimeZone})";
    }

    /// <summary>True when <paramref name="range"/> is <c>HH:mm-HH:mm</c> with the opening before the closing.</summary>
    public static bool TryParse(string range, out TimeSpan open, out TimeSpan close)
    {
        open = close = default;
        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeSpan.TryParseExact(parts[0], @"hh\:mm", CultureInfo.InvariantCulture, out open)
            && TimeSpan.TryParseExact(parts[1], @"hh\:mm", CultureInfo.InvariantCulture, out close)
            && open < close;
    }

    public static bool IsValidTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static string DayRange(List<DayOfWeek> days)
    {
        static string Name(DayOfWeek d) => d.ToString()[..3];
        var contiguous = days.Count > 2 && days.Zip(days.Skip(1)).All(p => ((int)p.Second + 6) % 7 == ((int)p.First + 6) % 7 + 1);
        return contiguous ? $"{Name(days[0])}–{Name(days[^1])}" : string.Join(", ", days.Select(Name));
    }
}
