using System.Text.Json;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// What every webhook does after authentication: parse the platform's update, queue its messages, answer.
/// A malformed or unknown update is logged without its content and answered 200, since platforms retry errors forever.
/// </summary>
public sealed partial class WebhookIntake(InboundQueue queue, ILogger<WebhookIntake> logger)
{
    public IResult Accept(string site, string channel, byte[] body, Func<JsonElement, IReadOnlyList<InboundMessage>> parse, IResult answer)
    {
        IReadOnlyList<InboundMessage> messages;
        try
        {
            using var document = JsonDocument.Parse(body);
            messages = parse(document.RootElement);
        }
        catch (Exception error) when (IsMalformed(error))
        {
            LogMalformed(channel, site, error.GetType().Name);
            return answer;
        }
        if (messages.Count == 0)
        {
            LogIgnored(channel, site);
            return answer;
        }
        return queue.TryEnqueue(messages) ? answer : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// What reading an update throws when the update is not what the platform documents (not JSON, a member
    /// missing or of another kind, a number out of range): such an update is malformed, not a failure of ours.
    /// </summary>
    public static bool IsMalformed(Exception error) =>
        error is JsonException or InvalidOperationException or FormatException or KeyNotFoundException;

    [LoggerMessage(LogLevel.Warning, "A malformed {Channel} update for site {Site} was ignored ({Error}).")]
    private partial void LogMalformed(string channel, string site, string error);

    [LoggerMessage(LogLevel.Debug, "A {Channel} update for site {Site} carried no message and was ignored.")]
    private partial void LogIgnored(string channel, string site);
}
