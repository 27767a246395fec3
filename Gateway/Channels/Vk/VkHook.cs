using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.Vk;

/// <summary><c>POST /hooks/vk/{site}</c>: the Callback API, authenticated by the <c>secret</c> in every body.</summary>
public static class VkHook
{
    public static IEndpointRouteBuilder MapVkHook(this IEndpointRouteBuilder hooks)
    {
        hooks.MapPost("/vk/{site}", Receive);
        return hooks;
    }

    private static async Task<IResult> Receive(string site, HttpRequest request, IGrainFactory grains, WebhookIntake intake)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.Vk) is not { } settings)
        {
            return TypedResults.NotFound();
        }
        if (await RawBody.ReadAsync(request) is not { } body)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var (secret, type) = Envelope(body);
        if (!SecretMatch.Equal(secret, settings.Secret))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (type == "confirmation")
        {
            return TypedResults.Text(settings.Confirmation, "text/plain");
        }
        return intake.Accept(site, ChannelNames.Vk, body, callback => VkUpdate.Parse(site, callback), TypedResults.Text("ok", "text/plain"));
    }

    /// <summary>The body's <c>secret</c> and <c>type</c>; nulls when it is not a JSON object (then the secret does not match).</summary>
    private static (string? Secret, string? Type) Envelope(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? (null, null)
                : (Str(root, "secret"), Str(root, "type"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
