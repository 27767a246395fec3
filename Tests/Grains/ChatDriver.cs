using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
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

    public async Task<(string VisitorId, AppendResult Start)> StartChat(string text = "Hello", string? queue = null)
    {
        var visitorId = GrainKeys.NewId();
        var start = await grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId))
            .StartChat(new StartChatRequest("start-" + visitorId, queue, text, null), Reference);
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

    public int AssignedCount(string? login = null) => Observer.Pushes.OfType<OperatorNotice>()
        .Count(n => n.Type == NoticeTypes.Assigned && (login is null || n.OperatorKey == GrainKeys.Operator(site, login)));
}
