using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>Drives grains the way the gateway does, with a recording observer standing in for the gateway node.</summary>
public sealed class ChatDriver(IGrainFactory grains, string site)
{
    public RecordingObserver Observer { get; } = new();
    private IPushObserver? _reference;

    public IPushObserver Reference => _reference ??= grains.CreateObjectReference<IPushObserver>(Observer);

    public static Actor Visitor(string site, string visitorId) => new(ActorKind.Visitor, site, visitorId);

    public static Actor Operator(string site, string login) => new(ActorKind.Operator, site, login, login);

    public async Task<(string VisitorId, AppendResult Start)> StartChat(string text = "Hello", string? queue = null, string? visitorId = null)
    {
        visitorId ??= GrainKeys.NewId();
        var start = await grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId))
            .StartChat(new StartChatRequest("start-" + GrainKeys.NewId(), queue, text, null), Reference);
        return (visitorId, start);
    }

    public IConversationGrain Conversation(string id) => grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, id));

    public IOperatorGrain Operator(string login) => grains.GetGrain<IOperatorGrain>(GrainKeys.Operator(site, login));

    /// <summary>Puts an operator online with this driver's observer on their consoles.</summary>
    public async Task Online(string login)
    {
        await Operator(login).Subscribe(Reference);
        await Operator(login).SetStatus(OperatorStatus.Online);
    }

    public Task<OperatorNotice> Assigned(string conversationId) => Observer.WaitFor<OperatorNotice>(
        n => n.Type == NoticeTypes.Assigned && n.ConversationId == conversationId, $"conversation {conversationId} to be assigned");

    public async Task<ConversationEvent> Event(string conversationId, Func<ConversationEvent, bool> match, string expected) =>
        (await Observer.WaitFor<(string Key, ConversationEvent Event)>(
            p => p.Key == GrainKeys.Conversation(site, conversationId) && match(p.Event), expected)).Event;

    /// <summary>The next hold message after <paramref name="afterSeq"/>.</summary>
    public Task<ConversationEvent> NextHold(string conversationId, long afterSeq) =>
        Event(conversationId, e => e.Kind == MessageKinds.Hold && e.Seq > afterSeq, $"a hold message after seq {afterSeq}");

    public Task<ConversationEvent> Auto(string conversationId, string reason) =>
        Event(conversationId, e => e.Kind == MessageKinds.Auto && e.Reason == reason, $"an automatic '{reason}' reply");

    public IReadOnlyList<ConversationEvent> Events(string conversationId) =>
        Observer.EventsOf(GrainKeys.Conversation(site, conversationId)).OrderBy(e => e.Seq).ToList();

    public int Holds(string conversationId) => Events(conversationId).Count(e => e.Kind == MessageKinds.Hold);

    public Task Configure(QueueConfig queue) => grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).UpsertQueue(queue);

    public int AssignedCount(string? login = null) => Observer.Pushes.OfType<OperatorNotice>()
        .Count(n => n.Type == NoticeTypes.Assigned && (login is null || n.OperatorKey == GrainKeys.Operator(site, login)));

    /// <summary>Each operator holds exactly one seat, the chats' between them: no seat leaked, no chat stranded.</summary>
    public async Task EachHoldsOneOf(string[] logins, params string[] conversationIds)
    {
        var held = new List<string>();
        foreach (var login in logins)
        {
            held.Add(Assert.Single((await Operator(login).GetSnapshot()).Conversations));
        }
        Assert.Equal(conversationIds.Order(), held.Order());
    }
}
