using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Operators;

/// <summary>The operator's ratings (the last <see cref="KeptRatings"/>, in <see cref="OperatorRatings"/>) and canned responses.</summary>
public sealed partial class OperatorGrain
{
    public const int KeptRatings = 50;

    private StateWriteBehind _ratingWrites = null!;

    private List<RatingEntry> Ratings => ratings.State.Entries;

    /// <summary>
    /// A state stored before the ratings had their own keeps them in <see cref="OperatorState.Ratings"/>: they move
    /// here, written before the main state lets them go, so a crash in between leaves them in both and the next
    /// activation only lets go (the ratings' own state, once it has any, is the one that counts).
    /// </summary>
    private async Task MoveOldRatings()
    {
        if (Operator.Ratings.Count == 0)
        {
            return;
        }
        if (Ratings.Count == 0)
        {
            ratings.State.Entries = Operator.Ratings;
            await _ratingWrites.NowAsync();
        }
        Operator.Ratings = [];
        await _writes.NowAsync();
    }

    public Task Rated(int score, string? comment, string conversationId)
    {
        var now = clock.GetUtcNow();
        Figures.RecordRating(Figures.Today(Operator.Today, now), score);
        Ratings.Add(new RatingEntry(conversationId, score, comment, now));
        if (Ratings.Count > KeptRatings)
        {
            Ratings.RemoveAt(0);
        }
        WriteSoon();
        _ratingWrites.Soon();
        return Task.CompletedTask;
    }

    public Task Rerated(int previous, DateTimeOffset previousAt, int score, string? comment, string conversationId)
    {
        var now = clock.GetUtcNow();
        Figures.ReplaceRating(Figures.Today(Operator.Today, now), previous, previousAt, score);
        // The chat's entry moves to the newest place with the new score: one chat, one rating.
        Ratings.RemoveAll(r => r.ConversationId == conversationId);
        Ratings.Add(new RatingEntry(conversationId, score, comment, now));
        WriteSoon();
        _ratingWrites.Soon();
        return Task.CompletedTask;
    }

    public async Task ForgetRatingComments(IReadOnlyList<string> conversationIds)
    {
        var erased = conversationIds.ToHashSet(StringComparer.Ordinal);
        var changed = false;
        for (var i = 0; i < Ratings.Count; i++)
        {
            if (Ratings[i].Comment is not null && erased.Contains(Ratings[i].ConversationId))
            {
                Ratings[i] = Ratings[i] with { Comment = null };
                changed = true;
            }
        }
        if (changed)
        {
            await _ratingWrites.NowAsync();
        }
    }

    public Task<IReadOnlyList<RatingEntry>> GetRatings() =>
        Task.FromResult<IReadOnlyList<RatingEntry>>(Enumerable.Reverse(Ratings).ToList());

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
