using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Calls;

namespace Switchboard.Silo.Channels.Phone;

/// <summary>
/// The call grains' way to a site's PBX: their commands, signed like every command, to the phone channel's
/// <c>commandUrl</c>, from whichever host holds the call's grain (a silo of its own in cluster mode). Prompts go out as
/// text <c>say</c>s; a host that renders speech passes a <c>prepare</c> step that adds the audio.
/// </summary>
public sealed class PhoneCommandPush(PhoneChannelSettings settings, PhoneCommandSender sender, ILogger<PhoneCommandPush> logger)
    : IPhoneCommandPort
{
    public delegate Task<IReadOnlyList<PhoneCommand>> Prepare(PhoneChannel channel, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken);

    public Task<bool> PushAsync(string site, string callId, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken) =>
        PushAsync(site, callId, commands, (_, unchanged, _) => Task.FromResult(unchanged), cancellationToken);

    public async Task<bool> PushAsync(
        string site, string callId, IReadOnlyList<PhoneCommand> commands, Prepare prepare, CancellationToken cancellationToken)
    {
        if (await settings.ForAsync(site) is not { CommandUrl: { Length: > 0 } } channel)
        {
            logger.LogWarning("Commands for call {Call} on site {Site} not pushed: its phone channel has no commandUrl", callId, site);
            return false;
        }
        var prepared = await prepare(channel, commands, cancellationToken);
        try
        {
            await sender.SendAsync(channel, new PushedCommands(callId, prepared), cancellationToken);
            return true;
        }
        catch (PhoneCommandException failure)
        {
            logger.LogWarning("Commands for call {Call} on site {Site} not taken: {Problem}", callId, site, failure.Message);
            return false;
        }
    }
}
