using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Utilities;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Limits;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Invitations;
using Switchboard.Grains.Sites;
using Switchboard.Grains.Storage;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Visitors;

/// <summary>
/// A browsing visitor: who they are, their visit (pages, cart, source), the invitation engine and its one
/// timer, their last operator, and the one conversation they have open.
/// </summary>
public sealed partial class VisitorGrain(
    [PersistentState(StorageNames.VisitorState, StorageNames.Provider)] IPersistentState<VisitorState> state,
    IOptions<StateLimits> limits,
    TimeProvider clock,
    SwitchboardMetrics metrics,
    ILogger<VisitorGrain> logger)
    : Grain, IVisitorGrain
{
    private readonly ObserverManager<IPushObserver> _gateways = new(TimeSpan.FromMinutes(3), logger);
    private string _site = "";
    private string _id = "";
    private SiteConfigCache _config = null!;
    private StateWriteBehind _writes = null!;
    private bool _ownKeyPrepared;

    private VisitorState Visitor => state.State;

    /// <summary>The keys that seal stored personal data; none where nothing is sealed (a host without encryption).</summary>
    private IConversationKeys? Keys => ServiceProvider.GetService<IConversationKeys>();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Written at once only where a crash must not lose the change (a new chat's id, a linked customer, a push
        // token); the visit's count and profile, the last operator and a closed chat's clearing are written behind.
        _writes = new StateWriteBehind(this, state.WriteStateAsync);
        (_site, _id) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _config = new SiteConfigCache(ServiceProvider, _site);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _writes.FlushAsync();

    /// <summary>
    /// A new visitor's own key (their stored state is sealed with it) is made as they say hello, beside the welcome,
    /// not by their first state write: a visitor who starts a chat within the write-behind's second would otherwise
    /// wait for the key's disk sync before their state's and the chat's (docs/routing.md, "Durability"). A failure
    /// costs nothing: the first write makes the key itself.
    /// </summary>
    private void PrepareOwnKey()
    {
        if (state.RecordExists || _ownKeyPrepared || Keys is not { } keys)
        {
            return;
        }
        _ownKeyPrepared = true;
        keys.PrepareAsync(this.GetPrimaryKeyString()).Ignore();
    }

    public async Task<VisitorSnapshot> Hello(VisitorHello hello, IPushObserver? gateway)
    {
        var before = (Visitor.CustomerId, Visitor.Name, Visitor.Language, Visitor.Region, Visitor.CustomerType, Visitor.Visits);
        if (hello.Identity is { } identity)
        {
            Visitor.CustomerId = identity.CustomerId;
            Visitor.Name = identity.Name ?? Visitor.Name;
            Visitor.CustomerType = identity.CustomerType ?? Visitor.CustomerType;
        }
        else if (hello.FromWidget && Visitor.CustomerId is not null)
        {
            (Visitor.CustomerId, Visitor.Name, Visitor.CustomerType) = (null, null, null);
        }
        else if (hello.DisplayName is { Length: > 0 and <= 128 } displayName)
        {
            Visitor.Name = displayName;
        }
        Visitor.Language = hello.Language ?? Visitor.Language;
        Visitor.Region = hello.Region ?? Visitor.Region;
        var visit = ContinueVisit();
        if (before != (Visitor.CustomerId, Visitor.Name, Visitor.Language, Visitor.Region, Visitor.CustomerType, Visitor.Visits))
        {
            // Behind, not before the welcome: a crash loses a visit's count, and the next hello repeats who they are.
            _writes.Soon();
            PrepareOwnKey();
        }
        if (gateway is not null)
        {
            _gateways.Subscribe(gateway, gateway);
            if (_connections++ == 0)
            {
                await TellPresence(present: true);
            }
        }
        await ArmInvitation();
        return new VisitorSnapshot(_id, Visitor.Name, Visitor.CustomerId, Visitor.OpenConversationId, visit.Returning, visit.StartedAt);
    }

    public async Task<AppendResult> StartChat(StartChatRequest request, IPushObserver? subscriber)
    {
        var self = new Actor(ActorKind.Visitor, _site, _id, Visitor.Name);
        if (Visitor.OpenConversationId is { } stale && Visitor.OpenStartClientId != request.ClientId
            && (await Conversation(stale).GetSnapshot(self)).Status == ConversationStatus.Closed)
        {
            // The chat closed but its one-way word to this grain was lost: the visitor must not be stuck with it.
            await ConversationClosed(stale);
        }
        if (Visitor.OpenConversationId is { } open && Visitor.OpenStartClientId != request.ClientId)
        {
            // Another tab already opened a chat: this start joins it as a message.
            return string.IsNullOrWhiteSpace(request.Text) && request.Attachments is not { Count: > 0 }
                ? new AppendResult(open, 0)
                : await Conversation(open).Send(self, new MessageDraft(request.ClientId, request.Text) { Attachments = request.Attachments });
        }
        var site = await _config.Get();
        var facts = new VisitorFacts(_visit?.CurrentPage?.Url, Visitor.Region, Visitor.CustomerType);
        var queue = QueueSelector.Select(site, request.Queue, facts);
        var start = new StartConversation(_id, Visitor.Name, queue, request.ClientId, MessageText.Normalize(request.Text, required: false))
        {
            Form = request.Channel == ChannelNames.Web ? PreChatForm.Validate(site.FindQueue(queue)!, request.Form) : PreChatForm.Submitted(request.Form),
            Language = Visitor.Language,
            PreferredOperator = await LastOperator(),
            Priority = QueueSelector.Priority(site, facts),
            Channel = request.Channel,
            ContactId = request.ContactId,
            Attachments = request.Attachments,
            CustomerId = Visitor.CustomerId,
        };
        return await Start(start, subscriber);
    }

    public const int KeptConversations = 20;

    /// <summary>
    /// Earlier conversation ids a visitor keeps for erasure and export: thousands of chats from one browser is abuse
    /// (chat starts are rate-limited per visitor), and a visitor's state must stay small. A customer keeps all of theirs.
    /// </summary>
    public const int KeptEarlierConversations = 2_000;

    /// <summary>Every conversation this visitor started (up to the bounds above), newest first, a page at a time.</summary>
    public Task<IReadOnlyList<string>> GetConversationIds(int skip, int take) => Task.FromResult<IReadOnlyList<string>>(
        Enumerable.Reverse(Visitor.Conversations).Concat(Enumerable.Reverse(Visitor.EarlierConversations))
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, CustomerGrain.MaxConversationIdsPage)).ToList());

    /// <summary>This visitor's conversations, and a linked customer's on every other channel and device.</summary>
    public async Task<IReadOnlyList<string>> GetConversations()
    {
        var own = Enumerable.Reverse(Visitor.Conversations);
        if (Visitor.CustomerId is not { } customerId)
        {
            return own.ToList();
        }
        var customer = await GrainFactory.Grain<ICustomerGrain>(GrainKeys.Customer(_site, customerId)).GetProfile();
        return own.Concat(customer.Conversations.Select(c => c.ConversationId)).Distinct().ToList();
    }

    public Task Served(string operatorId)
    {
        if (Visitor.LastOperator != operatorId)
        {
            // Behind: a crash loses only the next chat's preference for this operator.
            Visitor.LastOperator = operatorId;
            _writes.Soon();
        }
        if (Visitor.CustomerId is { } customerId)
        {
            GrainFactory.Grain<ICustomerGrain>(GrainKeys.Customer(_site, customerId)).Served(operatorId).Ignore();
        }
        return Task.CompletedTask;
    }

    public Task<string?> GetCustomerId() => Task.FromResult(Visitor.CustomerId);

    public async Task LinkCustomer(string customerId)
    {
        if (Visitor.CustomerId != customerId)
        {
            Visitor.CustomerId = customerId;
            await _writes.NowAsync();
        }
    }

    public async Task ConversationClosed(string conversationId)
    {
        if (Visitor.OpenConversationId == conversationId)
        {
            Visitor.OpenConversationId = null;
            Visitor.OpenStartClientId = null;
            // Behind: should a crash lose it, the next start finds the stored chat closed and clears it then.
            _writes.Soon();
            await ArmInvitation();
        }
    }

    /// <summary>Starts the chat described by <paramref name="start"/>, remembering it first so a crash in between is retried into the same chat.</summary>
    private async Task<AppendResult> Start(StartConversation start, IPushObserver? subscriber)
    {
        if (Visitor.OpenConversationId is null)
        {
            Visitor.OpenConversationId = GrainKeys.NewId();
            Visitor.OpenStartClientId = start.ClientId;
            Visitor.Conversations.Add(Visitor.OpenConversationId);
            if (Visitor.Conversations.Count > KeptConversations)
            {
                Visitor.EarlierConversations.Add(Visitor.Conversations[0]);
                Visitor.Conversations.RemoveAt(0);
                if (Visitor.EarlierConversations.Count > KeptEarlierConversations)
                {
                    Visitor.EarlierConversations.RemoveAt(0);
                }
            }
            // The new chat's key is written alongside this state, not after it: one disk sync less before the start.
            await Task.WhenAll(
                _writes.NowAsync(),
                Keys?.PrepareAsync(GrainKeys.Conversation(_site, Visitor.OpenConversationId)) ?? Task.CompletedTask);
        }
        try
        {
            var started = await Conversation(Visitor.OpenConversationId).Start(start, subscriber);
            if (Visitor.CustomerId is { } customerId)
            {
                GrainFactory.Grain<ICustomerGrain>(GrainKeys.Customer(_site, customerId))
                    .ConversationStarted(started.ConversationId, start.Channel, clock.GetUtcNow()).Ignore();
            }
            await ArmInvitation();
            return started;
        }
        catch (SwitchboardException)
        {
            // Refused before anything was stored: forget the chat so the next start begins afresh.
            await ConversationClosed(Visitor.OpenConversationId);
            throw;
        }
    }

    /// <summary>A signed-in customer's last operator on any device, else this browser's.</summary>
    private async Task<string?> LastOperator() => Visitor.CustomerId is { } customerId
        ? await GrainFactory.Grain<ICustomerGrain>(GrainKeys.Customer(_site, customerId)).GetLastOperator() ?? Visitor.LastOperator
        : Visitor.LastOperator;

    private IConversationGrain Conversation(string id) => GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, id));
}
