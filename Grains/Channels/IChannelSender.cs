using Switchboard.Contracts.Channels;

namespace Switchboard.Grains.Channels;

/// <summary>
/// The port through which the outbox reaches a messenger platform; one implementation per channel, registered in
/// the silo. A sender is stateless and safe to call again with the same message: the outbox retries after a crash.
/// </summary>
public interface IChannelSender
{
    /// <summary>The channel it serves (<c>telegram</c>, <c>whatsapp</c>, <c>vk</c>).</summary>
    string Channel { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="contactId"/> with the site's credentials for the channel.</summary>
    Task<SendOutcome> SendAsync(string site, string contactId, OutboundMessage message, CancellationToken cancellationToken);
}
