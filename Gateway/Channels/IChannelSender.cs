using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels;

/// <summary>Sends one message to a person on a messenger. Stateless and safe to call again for the same message.</summary>
public interface IChannelSender
{
    Task<SendOutcome> SendAsync(ChannelSettings settings, string recipient, OutboundMessage message, CancellationToken cancellationToken);
}
