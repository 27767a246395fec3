using Switchboard.Contracts.Invitations;

namespace Switchboard.Wire.Frames;

/// <summary>
/// A visitor's visit as operators read it: pages with dwell times, cart, source, returning, verified, the channel they
/// write from, and an e-mail customer's address.
/// </summary>
public sealed record VisitorCard(
    string Id,
    string? Name,
    IReadOnlyList<VisitedPage> Pages,
    Cart? Cart,
    VisitSource? Source,
    bool Returning,
    bool Verified,
    string Channel = Contracts.Conversations.ChannelNames.Web,
    string? Email = null);
