using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.DailySummary;

/// <summary>The day's figures as each queue of the site keeps them; a queue's figures of another day are not kept, so they count as none.</summary>
public sealed class LiveDailyFigures(IGrainFactory grains) : IDailyFiguresSource
{
    public async Task<IReadOnlyList<SummaryFigures>> ForDay(string site, DateOnly day)
    {
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        var figures = new List<SummaryFigures>();
        foreach (var queue in config?.Queues ?? [])
        {
            var today = (await grains.Grain<IQueueGrain>(GrainKeys.Queue(site, queue.Id)).GetSnapshot()).Today;
            figures.Add(today.Day == day
                ? new SummaryFigures(queue.Name, today.Answered, today.AnsweredWithinTarget, today.Unanswered, today.Missed,
                    today.Answered == 0 ? 0 : today.FirstResponseSeconds / today.Answered, today.Ratings, today.Satisfied)
                : new SummaryFigures(queue.Name, 0, 0, 0, 0, 0, 0, 0));
        }
        return figures;
    }
}
