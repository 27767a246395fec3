using System.Globalization;
using Switchboard.Contracts;
using System.Text;
using Switchboard.Contracts.Campaigns;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Calls;
using Switchboard.Domain.Campaigns;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// CHANNELS.md "Robot call campaigns", for a site's supervisors: create, feed contacts (streamed), start, pause, resume,
/// stop, progress and results as CSV; and the site's do-not-call list (an extension, docs/campaigns.md).
/// </summary>
public static class CampaignEndpoints
{
    /// <summary>Contacts per page of results read from the campaign while the CSV is written out.</summary>
    public const int ResultPage = 500;
    /// <summary>How many of a site's campaigns the list shows, newest first.</summary>
    public const int Listed = 50;

    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder admin)
    {
        admin.MapPost("/campaigns", Create).WithSummary("Creates a robot call campaign as a draft");
        admin.MapGet("/campaigns", List).WithSummary("The site's newest campaigns with their progress, newest first");
        admin.MapGet("/campaigns/defaults", Defaults).WithSummary("What a new campaign of a kind starts from: its default prompts, days before the call, the site's time zone");
        admin.MapPost("/campaigns/{id}/contacts", AddContacts).WithSummary("Adds contacts: a JSON array, NDJSON (application/x-ndjson) or CSV (text/csv) with a header row; streamed");
        admin.MapCrmContacts();
        admin.MapPost("/campaigns/{id}/start", (string site, string id, IGrainFactory grains) => Lifecycle(grains, site, id, c => c.Start()));
        admin.MapPost("/campaigns/{id}/pause", (string site, string id, IGrainFactory grains) => Lifecycle(grains, site, id, c => c.Pause()));
        admin.MapPost("/campaigns/{id}/resume", (string site, string id, IGrainFactory grains) => Lifecycle(grains, site, id, c => c.Resume()));
        admin.MapPost("/campaigns/{id}/stop", (string site, string id, IGrainFactory grains) => Lifecycle(grains, site, id, c => c.Stop()));
        admin.MapGet("/campaigns/{id}", (string site, string id, IGrainFactory grains) => Lifecycle(grains, site, id, c => c.GetProgress()));
        admin.MapGet("/campaigns/{id}/results.csv", Results).WithSummary("One row per contact and attempt");
        admin.MapPost("/do-not-call", AddDoNotCall).WithSummary("Adds numbers to the site's do-not-call list: {phones: [...]}");
        admin.MapDelete("/do-not-call/{phone}", async (string site, string phone, IGrainFactory grains) =>
        {
            await grains.Grain<IDoNotCallGrain>(site).Remove(PhoneNumbers.Normalize(phone) ?? phone);
            return TypedResults.NoContent();
        });
        return admin;
    }

    private static async Task<IResult> Create(string site, CreateCampaignRequest body, IGrainFactory grains)
    {
        var (definition, problem) = body.ToDefinition();
        if (definition is null)
        {
            return TypedResults.Problem(statusCode: 400, title: problem);
        }
        var id = GrainKeys.NewId()[..16];
        var created = await Campaign(grains, site, id).Create(definition);
        return TypedResults.Created($"/api/sites/{site}/campaigns/{id}", new { id, status = created.Status });
    }

    private static async Task<IResult> List(string site, IGrainFactory grains)
    {
        var ids = await grains.Grain<ICampaignListGrain>(GrainKeys.CampaignList(site)).Newest(Listed);
        var progress = await Task.WhenAll(ids.Select(id => Campaign(grains, site, id).GetProgress()));
        return TypedResults.Ok(progress.Select(p => new { p.Id, p.Name, p.Kind, p.Status, p.Counts }));
    }

    private static async Task<IResult> Defaults(string site, string? kind, string? language, IGrainFactory grains)
    {
        if (kind is null || !CampaignKinds.All.Contains(kind))
        {
            return TypedResults.Problem(statusCode: 400, title: $"kind must be one of {string.Join(", ", CampaignKinds.All)}");
        }
        if (language is not (null or "ru" or "en"))
        {
            return TypedResults.Problem(statusCode: 400, title: "language must be ru or en");
        }
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        // As a campaign without a language speaks (CampaignCallGrain): the site's, English for auto.
        var spoken = language ?? PhoneTexts.LanguageOf(config?.Language ?? "");
        return TypedResults.Ok(new CampaignDefaults(kind, spoken, CampaignKinds.DefaultAfterDays(kind), config?.TimeZone ?? "UTC",
            CampaignPrompts.Defaults(kind, spoken), ContactData.Required(kind)));
    }

    private static async Task<IResult> AddContacts(string site, string id, HttpRequest request, IGrainFactory grains)
    {
        var campaign = Campaign(grains, site, id);
        if (!IsId(id) || await campaign.GetDefinition() is not { } definition)
        {
            return TypedResults.Problem(statusCode: 404, title: $"No campaign '{id}'.");
        }
        try
        {
            var (result, broken) = await ContactListReader.ReadAsync(
                request.Body, ContactListReader.FormatOf(request.ContentType), definition.Kind, campaign.AddContacts, request.HttpContext.RequestAborted);
            return broken is null
                ? TypedResults.Ok(result)
                : TypedResults.Problem(statusCode: 400, title: broken, extensions: new Dictionary<string, object?>
                {
                    ["added"] = result.Added, ["refused"] = result.Refused, ["duplicates"] = result.Duplicates, ["problems"] = result.Problems,
                });
        }
        catch (SwitchboardException refusal)
        {
            return Refused(refusal);
        }
    }

    private static async Task<IResult> Lifecycle(IGrainFactory grains, string site, string id, Func<ICampaignGrain, Task<CampaignProgress>> change)
    {
        if (!IsId(id))
        {
            return TypedResults.Problem(statusCode: 404, title: $"No campaign '{id}'.");
        }
        try
        {
            var progress = await change(Campaign(grains, site, id));
            return TypedResults.Ok(new { progress.Id, progress.Name, progress.Kind, progress.Status, progress.Counts });
        }
        catch (SwitchboardException refusal)
        {
            return Refused(refusal);
        }
    }

    private static async Task<IResult> Results(string site, string id, HttpResponse response, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var campaign = Campaign(grains, site, id);
        if (!IsId(id) || await campaign.GetDefinition() is null)
        {
            return TypedResults.Problem(statusCode: 404, title: $"No campaign '{id}'.");
        }
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{id}-results.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync("contact,phone,customerId,name,state,step,attempt,callId,startedAt,endedAt,result");
        long after = 0;
        while (true)
        {
            var page = await campaign.GetResults(after, ResultPage);
            foreach (var row in page)
            {
                await writer.WriteLineAsync(string.Join(',', row.ContactId.ToString(CultureInfo.InvariantCulture), Csv(row.Phone), Csv(row.CustomerId), Csv(row.Name),
                    row.State, row.Step.ToString(CultureInfo.InvariantCulture), row.Attempt.ToString(CultureInfo.InvariantCulture), Csv(row.CallId),
                    row.StartedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "", row.EndedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "", Csv(row.Result)));
            }
            if (page.Count == 0 || page[^1].ContactId == after)
            {
                break;
            }
            after = page[^1].ContactId;
            await writer.FlushAsync(cancellationToken);
        }
        return TypedResults.Empty;
    }

    private static async Task<IResult> AddDoNotCall(string site, DoNotCallRequest body, IGrainFactory grains)
    {
        var written = body.Phones ?? [];
        if (written.Count is 0 or > 10_000)
        {
            return TypedResults.Problem(statusCode: 400, title: "phones: 1 to 10000 numbers");
        }
        if (written.FirstOrDefault(p => PhoneNumbers.Normalize(p) is null) is { } bad)
        {
            return TypedResults.Problem(statusCode: 400, title: $"'{bad}' is not a number in international format (+, then 8 to 15 digits)");
        }
        await grains.Grain<IDoNotCallGrain>(site).Add([.. written.Select(p => PhoneNumbers.Normalize(p)!).Distinct()]);
        return TypedResults.NoContent();
    }

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break; a leading formula character is neutralised for spreadsheets (a number's <c>+</c> is left: every phone starts with it).</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '@' or '-' or '\t')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static IResult Refused(SwitchboardException refusal) => TypedResults.Problem(statusCode: refusal.Code switch
    {
        ErrorCodes.NotFound => 404,
        CampaignErrors.Conflict => 409,
        _ => 400,
    }, title: refusal.Message);

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    private static ICampaignGrain Campaign(IGrainFactory grains, string site, string id) => grains.Grain<ICampaignGrain>(GrainKeys.Campaign(site, id));
}
