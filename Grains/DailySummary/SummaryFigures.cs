namespace Switchboard.Grains.DailySummary;

/// <summary>One queue's figures for a day, as the summary shows them.</summary>
public sealed record SummaryFigures(
    string Queue,
    int Answered,
    int AnsweredWithinTarget,
    int Unanswered,
    int Missed,
    double AverageFirstResponseSeconds,
    int Ratings,
    int Satisfied);
