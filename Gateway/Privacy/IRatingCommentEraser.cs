namespace Switchboard.Gateway.Privacy;

/// <summary>Takes chats' rating comments out of the operators' lists of ratings (the scores stay).</summary>
public interface IRatingCommentEraser
{
    Task ForgetAsync(string site, RatingCommentHolders holders);
}
