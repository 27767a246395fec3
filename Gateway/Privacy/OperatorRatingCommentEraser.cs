using Switchboard.Contracts;
using Switchboard.Contracts.Operators;

namespace Switchboard.Gateway.Privacy;

/// <summary>Asks each operator grain named by the holders to let the comments go; the grain stores the change before it answers.</summary>
public sealed class OperatorRatingCommentEraser(IGrainFactory grains, ILogger<OperatorRatingCommentEraser> logger) : IRatingCommentEraser
{
    public async Task ForgetAsync(string site, RatingCommentHolders holders)
    {
        foreach (var (login, conversationIds) in holders.ByOperator)
        {
            try
            {
                await grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, login)).ForgetRatingComments(conversationIds);
            }
            catch (SwitchboardException refusal) when (refusal.Code == ErrorCodes.NotFound)
            {
                // An operator removed from the site since: their grain no longer starts, and what it stored stays
                // (sealed with the site's key) until the site's data is deleted.
                logger.LogWarning("Could not reach removed operator {Operator} of {Site} to take rating comments out", login, site);
            }
        }
    }
}
