using System.Globalization;
using System.Text.Json;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// The parts of ARI's Channel object the product uses: <c>{id, name, caller{number}, dialplan{exten, app_name,
/// app_data}, creationtime}</c>.
/// </summary>
public sealed record AriChannel(string Id, string CallerNumber, string? Exten, DateTimeOffset? Created)
{
    /// <summary>The dialplan application the channel is in: <c>Stasis</c> with the app's name first in its data.</summary>
    public string? AppName { get; init; }
    public string? AppData { get; init; }

    public bool IsIn(string app) => AppName == "Stasis" && AppData is { } data && (data == app || data.StartsWith(app + ",", StringComparison.Ordinal));

    public static AriChannel? From(JsonElement channel)
    {
        if (channel.ValueKind != JsonValueKind.Object || Text(channel, "id") is not { Length: > 0 } id)
        {
            return null;
        }
        var dialplan = channel.TryGetProperty("dialplan", out var plan) ? plan : default;
        return new AriChannel(
            id,
            channel.TryGetProperty("caller", out var caller) ? Text(caller, "number") ?? "" : "",
            Text(dialplan, "exten"),
            Time(Text(channel, "creationtime")))
        {
            AppName = Text(dialplan, "app_name"),
            AppData = Text(dialplan, "app_data"),
        };
    }

    /// <summary>ARI's times look like <c>2026-12-04T10:00:00.123+0000</c>: an offset without the colon .NET expects.</summary>
    public static DateTimeOffset? Time(string? text)
    {
        if (text is { Length: > 5 } && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit))
        {
            text = text[..^2] + ":" + text[^2..];
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
