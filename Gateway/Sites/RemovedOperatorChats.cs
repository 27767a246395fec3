using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;

namespace Switchboard.Gateway.Sites;

/// <summary>
/// A removed or disabled operator's open chats go back to their queues at once, with a note saying why, instead of
/// waiting on someone who can no longer sign in: the queue offers them to its other operators as it would any waiting chat.
/// </summary>
public static class RemovedOperatorChats
{
    public const string Note = "The operator's account was removed: back to the queue.";
    public const string DisabledNote = "The operator's account was disabled: back to the queue.";

    /// <summary>The operator's chats now, read before the account goes (an operator grain without an account answers nothing).</summary>
    public static async Task<IReadOnlyList<string>> OpenAsync(IGrainFactory grains, string site, string login)
    {
        try
        {
            return (await grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, login)).GetSnapshot()).Conversations;
        }
        catch (SwitchboardException refusal) when (refusal.Code == ErrorCodes.NotFound)
        {
            return [];
        }
    }

    /// <summary>Transfers each chat still open to its own queue, on the supervisor's behalf; returns how many went back.</summary>
    public static async Task<int> HandBackAsync(IGrainFactory grains, string site, IReadOnlyList<string> conversationIds, Actor supervisor, string note = Note)
    {
        var handedBack = 0;
        foreach (var id in conversationIds)
        {
            var conversation = grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, id));
            try
            {
                var chat = await conversation.GetSnapshot(supervisor);
                if (chat.Status != ConversationStatus.Closed)
                {
                    await conversation.Transfer(supervisor, null, chat.Queue, note);
                    handedBack++;
                }
            }
            catch (SwitchboardException)
            {
                // Closed, erased or transferred meanwhile: nothing to hand back.
            }
        }
        return handedBack;
    }
}
