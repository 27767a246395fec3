using Microsoft.AspNetCore.Http.Features;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// <c>POST /hooks/email/{site}</c>: a mail provider's inbound webhook posting the raw mail (<c>message/rfc822</c>),
/// authenticated by <c>X-Switchboard-Mail-Secret</c>. It answers once the mail is in its conversation (mail providers
/// wait seconds for that), so a <c>200</c> means nothing is lost; a mail it cannot read is answered <c>422</c> and stays
/// in the provider's failure log.
/// </summary>
public static partial class EmailHook
{
    public const string SecretHeader = "X-Switchboard-Mail-Secret";
    /// <summary>Past this not even the headers are read: <c>413</c>. Below it, past <see cref="MailIntake.MaxMailBytes"/>, only they are.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapEmailHook(this IEndpointRouteBuilder hooks)
    {
        hooks.MapPost("/email/{site}", Receive);
        return hooks;
    }

    private static async Task<IResult> Receive(string site, HttpRequest request, IGrainFactory grains, MailIntake intake, ILoggerFactory loggers)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.Email) is not { Mailbox.InboundSecret: { } secret })
        {
            return TypedResults.NotFound();
        }
        if (!SecretMatch.Equal(request.Headers[SecretHeader].ToString(), secret))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var logger = loggers.CreateLogger(typeof(EmailHook));
        if (request.ContentLength > MaxRequestBytes)
        {
            LogTooLarge(logger, site, request.ContentLength.Value);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        // Kestrel's own 30 MB limit would cut a large mail before its headers could be read.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }
        if (await InboundMail.ReadAsync(request.Body, MailIntake.MaxMailBytes, request.HttpContext.RequestAborted) is not { } mail)
        {
            LogUnreadable(logger, site);
            return TypedResults.UnprocessableEntity();
        }
        return await intake.AcceptAsync(site, mail, request.HttpContext.RequestAborted) switch
        {
            MailOutcome.Malformed => TypedResults.UnprocessableEntity(),
            MailOutcome.NoMailbox => TypedResults.NotFound(),
            _ => TypedResults.Ok(),
        };
    }

    [LoggerMessage(LogLevel.Warning, "A mail of {Size} bytes for site {Site} was refused: over the webhook's limit, not even its headers were read.")]
    private static partial void LogTooLarge(ILogger logger, string site, long size);

    [LoggerMessage(LogLevel.Warning, "A mail posted for site {Site} is not MIME and was refused (422): the provider keeps it.")]
    private static partial void LogUnreadable(ILogger logger, string site);
}
