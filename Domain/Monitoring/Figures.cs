using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Monitoring;

namespace Switchboard.Domain.Monitoring;

/// <summary>
/// The definitions behind every supervisor figure (docs/monitoring.md), in one place:
/// first response time, service level and CSAT, from a day's running sums.
/// </summary>
public static class Figures
{
    /// <summary>Resets the figures when the (UTC) day has changed; returns the figures to add to.</summary>
    public static DailyFigures Today(DailyFigures figures, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (figures.Day != today)
        {
            figures.Day = today;
            figures.Answered = figures.AnsweredWithinTarget = figures.Unanswered = figures.Ratings = figures.RatingSum = figures.Satisfied = figures.Missed = 0;
            figures.Abandoned = figures.SelfServed = 0;
            figures.FirstResponseSeconds = 0;
            figures.Channels = null;
        }
        return figures;
    }

    public static void RecordAnswer(DailyFigures figures, TimeSpan firstResponse, int serviceLevelSeconds)
    {
        figures.Answered++;
        figures.FirstResponseSeconds += firstResponse.TotalSeconds;
        if (firstResponse.TotalSeconds <= serviceLevelSeconds)
        {
            figures.AnsweredWithinTarget++;
        }
    }

    /// <summary>A chat ended without an operator: the visitor gave up waiting, or the bot's answer was enough.</summary>
    public static void RecordEnd(DailyFigures figures, string reason)
    {
        switch (reason)
        {
            case CloseReasons.Abandoned:
                figures.Abandoned++;
                break;
            case CloseReasons.SelfServed:
                figures.SelfServed++;
                break;
        }
    }

    public static void RecordRating(DailyFigures figures, int score)
    {
        figures.Ratings++;
        figures.RatingSum += score;
        if (score >= 4)
        {
            figures.Satisfied++;
        }
    }

    /// <summary>
    /// A visitor rated the same chat again: the new score replaces the earlier one. An earlier rating from a past day
    /// is no longer in these figures (they restart each day), so then the new one is simply counted today.
    /// </summary>
    public static void ReplaceRating(DailyFigures figures, int previous, DateTimeOffset previousAt, int score)
    {
        if (figures.Day == DateOnly.FromDateTime(previousAt.UtcDateTime) && figures.Ratings > 0)
        {
            figures.Ratings--;
            figures.RatingSum -= previous;
            if (previous >= 4)
            {
                figures.Satisfied--;
            }
        }
        RecordRating(figures, score);
    }

    /// <summary>Mean seconds from a chat's start to the operator's first reply; null before any answer.</summary>
    public static double? AverageFirstResponse(DailyFigures figures) =>
        figures.Answered == 0 ? null : Math.Round(figures.FirstResponseSeconds / figures.Answered, 1);

    /// <summary>Percent of offered chats answered within the threshold; null before any chat counts.</summary>
    public static double? ServiceLevel(DailyFigures figures)
    {
        var offered = figures.Answered + figures.Unanswered;
        return offered == 0 ? null : Math.Round(100.0 * figures.AnsweredWithinTarget / offered, 1);
    }

    /// <summary>Percent of ratings that are 4 or 5; null before any rating.</summary>
    public static double? Csat(DailyFigures figures) => figures.Ratings == 0 ? null : Math.Round(100.0 * figures.Satisfied / figures.Ratings, 1);

    public static double? AverageRating(DailyFigures figures) => figures.Ratings == 0 ? null : Math.Round((double)figures.RatingSum / figures.Ratings, 2);
}
