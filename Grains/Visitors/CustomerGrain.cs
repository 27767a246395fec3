using Orleans.Runtime;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Visitors;

/// <summary>A customer across browsers, devices and channels: their identities, conversations everywhere, and last operator.</summary>
public sealed class CustomerGrain(
    [PersistentState(StorageNames.CustomerState, StorageNames.Provider)] IPersistentState<CustomerState> state)
    : Grain, ICustomerGrain
{
    /// <summary>Enough history for the console's "previous conversations" across channels.</summary>
    public const int KeptConversations = 50;

    public Task<string?> GetLastOperator() => Task.FromResult(state.State.LastOperator);

    public async Task Served(string operatorId)
    {
        if (state.State.LastOperator != operatorId)
        {
            state.State.LastOperator = operatorId;
            await state.WriteStateAsync();
        }
    }

    public async Task Link(ChannelIdentity identity)
    {
        if (!state.State.Identities.Contains(identity))
        {
            state.State.Identities.Add(identity);
            await state.WriteStateAsync();
        }
    }

    public async Task ConversationStarted(string conversationId, string channel, DateTimeOffset startedAt)
    {
        var conversations = state.State.Conversations;
        if (conversations.Any(c => c.ConversationId == conversationId))
        {
            return;
        }
        conversations.Add(new CustomerConversation(conversationId, channel, startedAt));
        if (conversations.Count > KeptConversations)
        {
            conversations.RemoveRange(0, conversations.Count - KeptConversations);
        }
        await state.WriteStateAsync();
    }

    public Task<CustomerProfile> GetProfile() => Task.FromResult(new CustomerProfile(
        GrainKeys.Parse(this.GetPrimaryKeyString()).Id, state.State.Identities.ToList(),
        Enumerable.Reverse(state.State.Conversations).ToList(), state.State.LastOperator));

    public async Task Forget()
    {
        await state.ClearStateAsync();
        state.State = new CustomerState();
        DeactivateOnIdle();
    }
}
