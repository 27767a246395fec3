using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.Visitors;
using Switchboard.Contracts.Webhooks;
using Switchboard.Grains.Webhooks;

namespace Switchboard.Grains.Visitors;

/// <summary>A customer across browsers, devices and channels: their identities, conversations everywhere, and last operator.</summary>
public sealed class CustomerGrain(
    [PersistentState(StorageNames.CustomerState, StorageNames.Provider)] IPersistentState<CustomerState> state,
    ILogger<CustomerGrain> logger)
    : Grain, ICustomerGrain
{
    /// <summary>Enough history for the console's "previous conversations" across channels.</summary>
    public const int KeptConversations = 50;

    /// <summary>The most conversation ids one call returns; erasure and export page through the rest.</summary>
    public const int MaxConversationIdsPage = 500;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        // A silo may have died between storing the first contact and handing it to the outbox.
        state.State.FirstContact is not null && !state.State.FirstContactQueued ? QueueFirstContact() : Task.CompletedTask;

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
        if (conversations.Any(c => c.ConversationId == conversationId) || state.State.EarlierConversations.Contains(conversationId))
        {
            return;
        }
        var first = conversations.Count == 0 && state.State.FirstContact is null;
        conversations.Add(new CustomerConversation(conversationId, channel, startedAt));
        if (conversations.Count > KeptConversations)
        {
            var dropped = conversations.Count - KeptConversations;
            state.State.EarlierConversations.AddRange(conversations.Take(dropped).Select(c => c.ConversationId));
            conversations.RemoveRange(0, dropped);
        }
        if (first)
        {
            state.State.FirstContact = new CustomerConversation(conversationId, channel, startedAt);
        }
        await state.WriteStateAsync();
        if (first)
        {
            await QueueFirstContact();
        }
    }

    public Task<CustomerProfile> GetProfile() => Task.FromResult(new CustomerProfile(
        GrainKeys.Parse(this.GetPrimaryKeyString()).Id, state.State.Identities.ToList(),
        Enumerable.Reverse(state.State.Conversations).ToList(), state.State.LastOperator));

    public Task<IReadOnlyList<string>> GetConversationIds(int skip, int take) => Task.FromResult<IReadOnlyList<string>>(
        Enumerable.Reverse(state.State.Conversations).Select(c => c.ConversationId)
            .Concat(Enumerable.Reverse(state.State.EarlierConversations))
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, MaxConversationIdsPage)).ToList());

    public async Task Forget()
    {
        var (site, customerId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        // Its first-contact webhook, if not yet sent, names the customer: dropped, not sent after the erasure.
        await GrainFactory.Grain<IWebhookOutboxGrain>(GrainKeys.CustomerWebhooks(site, customerId)).Forget();
        await state.ClearStateAsync();
        state.State = new CustomerState();
        DeactivateOnIdle();
    }

    /// <summary>
    /// Hands the stored first contact to the customer's webhook outbox, which keeps it by a stable id: told twice (after
    /// a crash here), it still queues one delivery per endpoint. Marked as handed over only once the outbox holds it.
    /// </summary>
    private async Task QueueFirstContact()
    {
        var (site, customerId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        var contact = state.State.FirstContact!;
        try
        {
            await GrainFactory.Grain<IWebhookOutboxGrain>(GrainKeys.CustomerWebhooks(site, customerId))
                .Enqueue(WebhookNotices.FirstContact(customerId, contact.ConversationId, contact.Channel, contact.StartedAt));
            state.State.FirstContactQueued = true;
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not queue the first contact of customer {Customer} of {Site}; the next activation will", customerId, site);
        }
    }
}
