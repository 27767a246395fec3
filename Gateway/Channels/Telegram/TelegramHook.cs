using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.Telegram;

/// <summary><c>POST /hooks/telegram/{site}</c>: authenticated by the <c>secret_token</c> given to <c>setWebhook</c>.</summary>
public static class TelegramHook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramHook(this IEndpointRouteBuilder hooks)
    {
        hooks.MapPost("/telegram/{site}", Receive);
        return hooks;
    }

    private static async Task<IResult> Receive(string site, HttpRequest request, IGrainFactory grains, WebhookIntake intake)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.Telegram) is not { } settings)
        {
            return TypedResults.NotFound();
        }
        if (!SecretMatch.Equal(request.Headers[SecretHeader].ToString(), settings.WebhookSecret))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await RawBody.ReadAsync(request) is not { } body)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        return intake.Accept(site, ChannelNames.Telegram, body, update => TelegramUpdate.Parse(site, update), TypedResults.Ok());
    }
}
