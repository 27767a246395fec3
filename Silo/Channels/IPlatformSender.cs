using Switchboard.Contracts.Channels;

namespace Switchboard.Silo.Channels;

/// <summary>Sends one message to a person on a messenger. Stateless and safe to call again for the same message.</summary>
public interface IPlatformSender
{
    Task<PlatformOutcome> SendAsync(ChannelSettings settings, string recipient, PlatformMessage message, CancellationToken cancellationToken);
}
