using Switchboard.Contracts.Visitors;

namespace Switchboard.Gateway.Contacts;

/// <summary>
/// A contact arriving on a transport. <paramref name="FollowsVisitor"/>: the transport shows invitations (the widget,
/// inside its rollout share), so the visitor's pushes are followed before the grain hears the hello.
/// </summary>
public sealed record ContactHello(
    string Site,
    string VisitorId,
    VerifiedIdentity? Identity,
    string? Language,
    string? Region,
    ConversationCursor? Resume,
    bool FollowsVisitor);
