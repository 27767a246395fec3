namespace Switchboard.Grains.DailySummary;

/// <summary>
/// Where the summary's figures come from. Today: the queues' live figures for the current UTC day
/// (<see cref="LiveDailyFigures"/>); the historical read model can answer it for any day in the site's time zone.
/// </summary>
public interface IDailyFiguresSource
{
    Task<IReadOnlyList<SummaryFigures>> ForDay(string site, DateOnly day);
}
