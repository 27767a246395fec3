using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Speech;

/// <summary>
/// Prompts rendered to WAV with espeak-ng (offline, from Debian packages) for PBXs without text-to-speech, cached on
/// disk per text and language: the menu is rendered once, not per call.
/// </summary>
public sealed class PromptSpeech(IConfiguration configuration, ILogger<PromptSpeech> logger)
{
    public const string Engine = "espeak-ng";

    private readonly string _directory = Path.Combine(
        (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).FullDataDirectory, "speech");

    /// <summary>Whether <c>say</c> commands carry an <c>audioUrl</c> (<c>Phone:RenderSpeech</c>).</summary>
    public bool Enabled => configuration.GetValue<bool>($"{PhoneChannelSettings.Section}:RenderSpeech");

    /// <summary>The cached file's key for <paramref name="text"/> in <paramref name="language"/>, rendering it first if new; null when it cannot be rendered.</summary>
    public async Task<string?> RenderAsync(string text, string language, CancellationToken cancellationToken)
    {
        var key = KeyOf(text, language);
        var path = PathOf(key)!;
        if (File.Exists(path))
        {
            return key;
        }
        Directory.CreateDirectory(_directory);
        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using var engine = Process.Start(new ProcessStartInfo(Engine) { ArgumentList = { "-v", language, "-w", draft, "--", text }, RedirectStandardError = true })!;
            await engine.WaitForExitAsync(cancellationToken);
            if (engine.ExitCode != 0)
            {
                logger.LogWarning("{Engine} failed for a {Language} prompt: {Error}", Engine, language, await engine.StandardError.ReadToEndAsync(cancellationToken));
                return null;
            }
            // Renamed into place whole, so a concurrent request never serves half a file.
            File.Move(draft, path, overwrite: true);
            return key;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            logger.LogWarning("{Engine} is not installed (apt-get install espeak-ng); prompts are sent as text only: {Error}", Engine, error.Message);
            return null;
        }
        finally
        {
            File.Delete(draft);
        }
    }

    /// <summary>The name a prompt is cached and served under: a hash of its language and text.</summary>
    public static string KeyOf(string text, string language) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{language}\n{text}")))[..32];

    /// <summary>The file of a rendered prompt, or null for a key this class never makes.</summary>
    public string? PathOf(string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower) ? Path.Combine(_directory, $"{key}.wav") : null;
}
