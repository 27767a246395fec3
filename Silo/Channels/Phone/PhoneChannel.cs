namespace Switchboard.Silo.Channels.Phone;

/// <summary>
/// One site's generic phone adapter: the secret both sides sign with, where outbound commands go, and whether the
/// product renders its prompts to audio for a PBX without text-to-speech.
/// </summary>
public sealed record PhoneChannel(string SigningSecret, string? CommandUrl, bool RenderSpeech = false);
