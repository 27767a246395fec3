using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Privacy;

/// <summary>
/// Which operators' lists of ratings may hold a comment from the chats being erased or removed: a rated chat's comment
/// went to the operator who held it when it was rated, so every operator the chat was assigned to is named (a transfer
/// may have moved it between two ratings).
/// </summary>
public sealed class RatingCommentHolders
{
    private readonly Dictionary<string, List<string>> _byOperator = new(StringComparer.Ordinal);

    /// <summary>Each operator's login with the ids of the chats whose comments they may hold.</summary>
    public IReadOnlyDictionary<string, List<string>> ByOperator => _byOperator;

    /// <summary>Notes the chat <paramref name="conversationId"/> (its id, not its grain key) when it was rated with a comment.</summary>
    public void Note(string conversationId, IReadOnlyList<ConversationEvent> events)
    {
        if (!events.Any(evt => evt.Type == EventTypes.Rated && evt.Text is not null))
        {
            return;
        }
        foreach (var login in events.Where(evt => evt.Type == EventTypes.Assigned).Select(evt => evt.AuthorId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!_byOperator.TryGetValue(login, out var ids))
            {
                _byOperator[login] = ids = [];
            }
            ids.Add(conversationId);
        }
    }
}
