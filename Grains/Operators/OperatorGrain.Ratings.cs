using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Operators;

/// <summary>The operator's ratings (the last <see cref="KeptRatings"/>) and canned responses.</summary>
public sealed partial class OperatorGrain
{
    public const int KeptRatings = 50;

    public Task Rated(int score, string? comment, string conversationId)
    {
        var now = clock.GetUtcNow();
        Figures.RecordRating(Figures.Today(Operator.Today, now), score);
        Operator.Ratings.Add(new RatingEntry(conversationId, score, comment, now));
        if (Operator.Ratings.Count > KeptRatings)
        {
            Operator.Ratings.RemoveAt(0);
        }
        WriteSoon();
        return Task.CompletedTask;
    }

    public Task Rerated(int previous, DateTimeOffset previousAt, int score, string? comment, string conversationId)
    {
        var now = clock.GetUtcNow();
        Figures.ReplaceRating(Figures.Today(Operator.Today, now), previous, previousAt, score);
        // The chat's entry moves to the newest place with the new score: one chat, one rating.
        Operator.Ratings.RemoveAll(r => r.ConversationId == conversationId);
        Operator.Ratings.Add(new RatingEntry(conversationId, score, comment, now));
        WriteSoon();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RatingEntry>> GetRatings() =>
        Task.FromResult<IReadOnlyList<RatingEntry>>(Enumerable.Reverse(Operator.Ratings).ToList());

    public Task<IReadOnlyList<CannedResponse>> GetCanned() => Task.FromResult<IReadOnlyList<CannedResponse>>(Operator.Canned.ToList());

    public async Task SetCanned(IReadOnlyList<CannedResponse> canned)
    {
        var problems = CannedResponses.Validate(canned);
        if (problems is not null)
        {
            throw SwitchboardException.BadRequest(problems);
        }
        Operator.Canned = canned.ToList();
        await _writes.NowAsync();
    }
}
