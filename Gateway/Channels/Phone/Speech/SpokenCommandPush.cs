using Switchboard.Contracts.Calls;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Speech;

/// <summary>
/// The pushed commands of a silo in the gateway's process (standalone), with prompts rendered to audio as in answers
/// when the site asks for it. Their URLs need <c>Phone:PublicUrl</c>, the gateway's address as the PBX reaches it,
/// since no request of the PBX's is at hand.
/// </summary>
public sealed class SpokenCommandPush(PhoneCommandPush push, PromptSpeech speech, IConfiguration configuration, ILogger<SpokenCommandPush> logger)
    : IPhoneCommandPort
{
    public Task<bool> PushAsync(string site, string callId, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken) =>
        push.PushAsync(site, callId, commands, async (channel, prompts, cancel) =>
        {
            var publicUrl = configuration[$"{PhoneChannelSettings.Section}:PublicUrl"]?.TrimEnd('/');
            if (channel.RenderSpeech && publicUrl is null)
            {
                logger.LogWarning("Prompts for call {Call} on site {Site} go out as text only: Phone:PublicUrl is not set", callId, site);
            }
            return await speech.WithAudio(prompts, publicUrl ?? "", channel.RenderSpeech && publicUrl is not null, cancel);
        }, cancellationToken);
}
