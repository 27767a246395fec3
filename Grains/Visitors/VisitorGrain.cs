using Orleans.Runtime;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains.Conversations;

namespace Switchboard.Grains.Visitors;

/// <summary>A browsing visitor: who they are and the one conversation they have open.</summary>
public sealed class VisitorGrain(
    [PersistentState(StorageNames.VisitorState, StorageNames.Provider)] IPersistentState<VisitorState> state)
    : Grain, IVisitorGrain
{
    private string _site = "";
    private string _id = "";

    private VisitorState Visitor => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _id) = GrainKeys.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<VisitorSnapshot> Hello(VerifiedIdentity? identity)
    {
        if (identity is not null && (identity.CustomerId != Visitor.CustomerId || identity.Name != Visitor.Name))
        {
            Visitor.CustomerId = identity.CustomerId;
            Visitor.Name = identity.Name ?? Visitor.Name;
            await state.WriteStateAsync();
        }
        return new VisitorSnapshot(_id, Visitor.Name, Visitor.CustomerId, Visitor.OpenConversationId);
    }

    public async Task<AppendResult> StartChat(string clientId, string? queue, string? text, IPushObserver? subscriber)
    {
        var self = new Actor(ActorKind.Visitor, _site, _id, Visitor.Name);
        if (Visitor.OpenConversationId is { } open && Visitor.OpenStartClientId != clientId)
        {
            // Another tab already opened a chat: this start joins it as a message.
            return string.IsNullOrWhiteSpace(text)
                ? new AppendResult(open, 0)
                : await Conversation(open).Post(self, clientId, text);
        }
        var start = new StartConversation(_id, Visitor.Name, await ResolveQueue(queue), clientId, MessageText.Normalize(text, required: false));
        if (Visitor.OpenConversationId is null)
        {
            // Remember the chat before starting it, so a crash in between is retried into the same chat.
            Visitor.OpenConversationId = GrainKeys.NewId();
            Visitor.OpenStartClientId = clientId;
            await state.WriteStateAsync();
        }
        try
        {
            return await Conversation(Visitor.OpenConversationId).Start(start, subscriber);
        }
        catch (SwitchboardException)
        {
            // Refused before anything was stored: forget the chat so the next start begins afresh.
            await ConversationClosed(Visitor.OpenConversationId);
            throw;
        }
    }

    public async Task ConversationClosed(string conversationId)
    {
        if (Visitor.OpenConversationId == conversationId)
        {
            Visitor.OpenConversationId = null;
            Visitor.OpenStartClientId = null;
            await state.WriteStateAsync();
        }
    }

    private async Task<string> ResolveQueue(string? queue)
    {
        var config = await GrainFactory.GetGrain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig()
            ?? throw SwitchboardException.NotFound($"No site '{_site}'.");
        if (string.IsNullOrEmpty(queue))
        {
            return config.DefaultQueue;
        }
        return config.FindQueue(queue)?.Id ?? throw SwitchboardException.BadRequest($"No queue '{queue}' on this site.");
    }

    private IConversationGrain Conversation(string id) => GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Conversation(_site, id));
}
