using Switchboard.Contracts;
using Switchboard.Contracts.Exports;
using Switchboard.Domain.Webhooks;
using Switchboard.Silo.Webhooks;

namespace Switchboard.Gateway.Exports;

/// <summary>A site's scheduled export for supervisors: its settings and progress, and setting it up.</summary>
public static class ExportEndpoints
{
    private const int MinutesPerDay = 24 * 60;
    private const int ShortestInterval = 5;

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder admin)
    {
        admin.MapGet("/exports", async (string site, IGrainFactory grains) => TypedResults.Ok(await Exports(grains, site).GetStatus()));
        admin.MapPut("/exports", Configure);
        return admin;
    }

    private static async Task<IResult> Configure(string site, ExportSettings body, IGrainFactory grains, IConfiguration configuration)
    {
        var problems = new Dictionary<string, string[]>();
        if (body.IntervalMinutes < ShortestInterval || body.IntervalMinutes > MinutesPerDay || MinutesPerDay % body.IntervalMinutes != 0)
        {
            problems["intervalMinutes"] = [$"Use a divisor of a day from {ShortestInterval} to {MinutesPerDay} minutes (e.g. 15, 30, 60)."];
        }
        if (body.Target is not (ExportTargets.Directory or ExportTargets.Http))
        {
            problems["target"] = [$"Use '{ExportTargets.Directory}' or '{ExportTargets.Http}'."];
        }
        if (body.Target == ExportTargets.Http
            && await NetworkAddresses.RefusalFor(body.Url ?? "", WebhookOptions.From(configuration).AllowPrivateNetworks == true) is { } refusal)
        {
            problems["url"] = [refusal];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        return TypedResults.Ok(await Exports(grains, site).Configure(body));
    }

    private static IExportGrain Exports(IGrainFactory grains, string site) => grains.Grain<IExportGrain>(GrainKeys.Exports(site));
}
