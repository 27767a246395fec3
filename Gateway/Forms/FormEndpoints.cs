using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Contracts;
using Switchboard.Gateway.ContactForm;
using Switchboard.Gateway.Limits;

namespace Switchboard.Gateway.Forms;

/// <summary>
/// <c>POST /api/sites/{site}/forms/{form}</c>: anyone may submit a contact form (a shopper's browser through the
/// embeddable form, or the retailer's own server), as <c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>
/// or a flat JSON object. No credentials, so any origin may post.
/// </summary>
public static partial class FormEndpoints
{
    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sites/{site}/forms/{form}", Submit).DisableAntiforgery();
        app.MapContactForm();
        return app;
    }

    private static async Task<IResult> Submit(
        string site, string form, HttpContext http, SiteNames sites, FormDesk desk, FormThrottle throttle, ILoggerFactory loggers)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        if (!await sites.ExistsAsync(site))
        {
            return TypedResults.NotFound();
        }
        if (await ReadAsync(http.Request) is not { } posted)
        {
            return TypedResults.Problem("A form's fields as a form post or a flat JSON object.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        var (submission, problems) = FormSubmission.Read(form, posted);
        if (submission is null)
        {
            return TypedResults.ValidationProblem(problems);
        }
        if (!throttle.TryTake(site, AddressGuard.KeyOf(http.Connection.RemoteIpAddress), submission.SenderKey))
        {
            LogFlood(loggers.CreateLogger(typeof(FormEndpoints)), site, form, AddressGuard.KeyOf(http.Connection.RemoteIpAddress));
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem("Too many submissions from this address; please try again in a minute.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        var submissionId = GrainKeys.NewId();
        if (await desk.SubmitAsync(site, submissionId, submission) is not { } conversationId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answerBy"] = ["This site answers no e-mail: ask to be called back."] });
        }
        return TypedResults.Accepted((string?)null, new FormReceipt(submissionId, conversationId));
    }

    private static async Task<IEnumerable<KeyValuePair<string, string?>>?> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var posted = await request.ReadFormAsync();
            return posted.Where(f => f.Value.Count > 0).Select(f => KeyValuePair.Create(f.Key, (string?)string.Join(", ", f.Value.ToArray())));
        }
        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
                return body?.Select(f => KeyValuePair.Create(f.Key, f.Value.ValueKind == System.Text.Json.JsonValueKind.String ? f.Value.GetString() : f.Value.ToString()));
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Form {Form} of site {Site}: submissions from {Client} held back (too many at once).")]
    private static partial void LogFlood(ILogger logger, string site, string form, string client);
}
