using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.WhatsApp;

/// <summary><c>GET</c> (Meta's verification handshake) and <c>POST /hooks/whatsapp/{site}</c> (signed with the app secret).</summary>
public static class WhatsAppHook
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static IEndpointRouteBuilder MapWhatsAppHook(this IEndpointRouteBuilder hooks)
    {
        hooks.MapGet("/whatsapp/{site}", Verify);
        hooks.MapPost("/whatsapp/{site}", Receive);
        return hooks;
    }

    private static async Task<IResult> Verify(string site, HttpRequest request, IGrainFactory grains)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.WhatsApp) is not { } settings)
        {
            return TypedResults.NotFound();
        }
        var query = request.Query;
        return query["hub.mode"] == "subscribe" && SecretMatch.Equal(query["hub.verify_token"].ToString(), settings.VerifyToken)
            ? TypedResults.Text(query["hub.challenge"].ToString(), "text/plain")
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Receive(string site, HttpRequest request, IGrainFactory grains, WebhookIntake intake)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.WhatsApp) is not { } settings)
        {
            return TypedResults.NotFound();
        }
        if (await RawBody.ReadAsync(request) is not { } body)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!SecretMatch.Signature(request.Headers[SignatureHeader].ToString(), settings.AppSecret, body))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        return intake.Accept(site, ChannelNames.WhatsApp, body, value => WhatsAppUpdate.Parse(site, value), TypedResults.Ok());
    }
}
