using System.Net.Mail;
using Switchboard.Contracts;
using Switchboard.Contracts.DailySummary;

namespace Switchboard.Gateway.DailySummary;

/// <summary>A site's daily summary e-mail for supervisors: who gets it and at which hour.</summary>
public static class DailySummaryEndpoints
{
    public const int MaxRecipients = 20;

    public static RouteGroupBuilder MapDailySummary(this RouteGroupBuilder admin)
    {
        admin.MapGet("/daily-summary", async (string site, IGrainFactory grains) => TypedResults.Ok(await Summary(grains, site).GetSettings()));
        admin.MapPut("/daily-summary", Configure);
        return admin;
    }

    private static async Task<IResult> Configure(string site, DailySummarySettings body, IGrainFactory grains)
    {
        var problems = new Dictionary<string, string[]>();
        if (body.Recipients.Count > MaxRecipients || body.Recipients.Any(r => !MailAddress.TryCreate(r, out _)))
        {
            problems["recipients"] = [$"Up to {MaxRecipients} e-mail addresses."];
        }
        if (body.Enabled && body.Recipients.Count == 0)
        {
            problems["recipients"] = ["Name at least one recipient."];
        }
        if (body.HourUtc is < 0 or > 23)
        {
            problems["hourUtc"] = ["An hour from 0 to 23 (UTC)."];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        await Summary(grains, site).Configure(body);
        return TypedResults.NoContent();
    }

    private static IDailySummaryGrain Summary(IGrainFactory grains, string site) => grains.Grain<IDailySummaryGrain>(GrainKeys.DailySummary(site));
}
