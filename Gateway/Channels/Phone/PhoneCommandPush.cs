using Switchboard.Contracts.Calls;
using Switchboard.Gateway.Channels.Phone.Speech;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary>
/// The call grains' way to a site's PBX: their commands, signed like every command, to the phone channel's
/// <c>commandUrl</c>. Prompts are rendered to audio as in answers when the site asks for it; their URLs then need
/// <c>Phone:PublicUrl</c>, the gateway's address as the PBX reaches it, since no request of the PBX's is at hand.
/// </summary>
public sealed class PhoneCommandPush(
    PhoneChannelSettings settings, PhoneCommandSender sender, PromptSpeech speech, IConfiguration configuration, ILogger<PhoneCommandPush> logger)
    : IPhoneCommandPort
{
    public async Task<bool> PushAsync(string site, string callId, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken)
    {
        if (await settings.ForAsync(site) is not { CommandUrl: { Length: > 0 } } channel)
        {
            logger.LogWarning("Commands for call {Call} on site {Site} not pushed: its phone channel has no commandUrl", callId, site);
            return false;
        }
        var publicUrl = configuration[$"{PhoneChannelSettings.Section}:PublicUrl"]?.TrimEnd('/');
        if (channel.RenderSpeech && publicUrl is null)
        {
            logger.LogWarning("Prompts for call {Call} on site {Site} go out as text only: Phone:PublicUrl is not set", callId, site);
        }
        var spoken = await speech.WithAudio(commands, publicUrl ?? "", channel.RenderSpeech && publicUrl is not null, cancellationToken);
        try
        {
            await sender.SendAsync(channel, new PushedCommands(callId, spoken), cancellationToken);
            return true;
        }
        catch (PhoneCommandException failure)
        {
            logger.LogWarning("Commands for call {Call} on site {Site} not taken: {Problem}", callId, site, failure.Message);
            return false;
        }
    }
}
