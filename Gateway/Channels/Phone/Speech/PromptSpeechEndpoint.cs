using Switchboard.Contracts.Calls;

namespace Switchboard.Gateway.Channels.Phone.Speech;

/// <summary><c>GET /phone/speech/{key}.wav</c>: the rendered prompts the PBX plays; keys are unguessable hashes of the text.</summary>
public static class PromptSpeechEndpoint
{
    public static IEndpointRouteBuilder MapPromptSpeech(this IEndpointRouteBuilder app)
    {
        app.MapGet("/phone/speech/{key}.wav", (string key, PromptSpeech speech) =>
            speech.PathOf(key) is { } path && File.Exists(path) ? Results.File(path, "audio/wav") : Results.NotFound());
        return app;
    }

    /// <summary>Each <c>say</c> with the URL of its rendered audio, when rendering is on and works.</summary>
    public static Task<IReadOnlyList<PhoneCommand>> WithAudio(
        this PromptSpeech speech, IReadOnlyList<PhoneCommand> commands, HttpRequest request, CancellationToken cancellationToken) =>
        speech.WithAudio(commands, $"{request.Scheme}://{request.Host}", speech.Enabled, cancellationToken);

    /// <summary>Each <c>say</c> with the URL, under <paramref name="baseUrl"/>, of its rendered audio when <paramref name="render"/> is on and rendering works.</summary>
    public static async Task<IReadOnlyList<PhoneCommand>> WithAudio(
        this PromptSpeech speech, IReadOnlyList<PhoneCommand> commands, string baseUrl, bool render, CancellationToken cancellationToken)
    {
        if (!render)
        {
            return commands;
        }
        var rendered = new List<PhoneCommand>(commands.Count);
        foreach (var command in commands)
        {
            var key = command is { Type: "say", Text: { } text, Language: { } language } ? await speech.RenderAsync(text, language, cancellationToken) : null;
            rendered.Add(key is null ? command : command with { AudioUrl = $"{baseUrl}/phone/speech/{key}.wav" });
        }
        return rendered;
    }
}
