using System.Globalization;
using System.Text;

namespace Switchboard.Grains.DailySummary;

/// <summary>The summary's subject and plain-text body: a line per queue and the site's totals.</summary>
public static class SummaryMail
{
    public static string Subject(string siteName, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{siteName}: chats on {day:yyyy-MM-dd}");

    public static string Text(string siteName, DateOnly day, IReadOnlyList<SummaryFigures> queues)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Daily summary for {siteName}, {day:yyyy-MM-dd} (UTC)\n\n");
        foreach (var queue in queues)
        {
            Line(text, queue);
        }
        var answered = queues.Sum(q => q.Answered);
        Line(text, new SummaryFigures("All queues", answered, queues.Sum(q => q.AnsweredWithinTarget), queues.Sum(q => q.Unanswered),
            queues.Sum(q => q.Missed), answered == 0 ? 0 : queues.Sum(q => q.AverageFirstResponseSeconds * q.Answered) / answered,
            queues.Sum(q => q.Ratings), queues.Sum(q => q.Satisfied)));
        return text.ToString();
    }

    private static void Line(StringBuilder text, SummaryFigures q)
    {
        var offered = q.Answered + q.Unanswered;
        text.Append(CultureInfo.InvariantCulture,
            $"{q.Queue}: answered {q.Answered}, unanswered {q.Unanswered}, missed by operators {q.Missed}, " +
            $"service level {Share(q.AnsweredWithinTarget, offered)}, first response {q.AverageFirstResponseSeconds:0} s on average, " +
            $"CSAT {Share(q.Satisfied, q.Ratings)} of {q.Ratings} ratings\n");
    }

    private static string Share(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0}%");
}
