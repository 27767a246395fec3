using System.Security.Cryptography;
using Switchboard.Contracts;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Silo.Webhooks;

namespace Switchboard.Gateway.Webhooks;

/// <summary>
/// A site's webhooks for supervisors: endpoints (secrets never shown after creation), the delivery log, and replay of
/// a delivery. A URL into loopback or private networks is refused in cluster mode; the silo checks again on each send.
/// </summary>
public static class WebhookEndpointsApi
{
    public const int MinimumSecretLength = 16;
    public const int DefaultLogPage = 100;
    /// <summary>What the site's log keeps.</summary>
    private const int SiteLogLimit = 1000;

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder admin)
    {
        admin.MapGet("/webhooks", async (string site, IGrainFactory grains) =>
            TypedResults.Ok((await Hooks(grains, site).GetEndpoints()).Select(e => new { e.Id, e.Url, e.Events })));
        admin.MapPut("/webhooks/{endpointId}", Set);
        admin.MapDelete("/webhooks/{endpointId}", async (string site, string endpointId, IGrainFactory grains) =>
            await Hooks(grains, site).RemoveEndpoint(endpointId) ? Results.NoContent() : Results.NotFound());
        admin.MapGet("/webhooks/deliveries", async (string site, int? limit, IGrainFactory grains) =>
            TypedResults.Ok(await Hooks(grains, site).GetDeliveries(Math.Clamp(limit ?? DefaultLogPage, 1, SiteLogLimit))));
        admin.MapPost("/webhooks/deliveries/{deliveryId}/replay", Replay);
        return admin;
    }

    private static async Task<IResult> Set(string site, string endpointId, WebhookRequest body, IGrainFactory grains, IConfiguration configuration)
    {
        var problems = new Dictionary<string, string[]>();
        if (endpointId.Length is 0 or > 64 || !endpointId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems["endpointId"] = ["Use 1 to 64 letters, digits, '-' or '_'."];
        }
        if (body.Events is not { Count: > 0 } events || events.Any(e => !WebhookEvents.All.Contains(e)))
        {
            problems["events"] = [$"Name one or more of: {string.Join(", ", WebhookEvents.All)}."];
        }
        if (body.Secret is { Length: < MinimumSecretLength })
        {
            problems["secret"] = [$"A secret needs at least {MinimumSecretLength} characters (or leave it out to get one)."];
        }
        if (await NetworkAddresses.RefusalFor(body.Url ?? "", WebhookOptions.From(configuration).AllowPrivateNetworks == true) is { } refusal)
        {
            problems["url"] = [refusal];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var secret = body.Secret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var endpoint = new WebhookEndpoint(endpointId, body.Url!, secret, body.Events!.Distinct().ToList());
        await Hooks(grains, site).SetEndpoint(endpoint);
        return TypedResults.Ok(new { endpoint.Id, endpoint.Url, endpoint.Events, secret = body.Secret is null ? secret : null });
    }

    private static async Task<IResult> Replay(string site, string deliveryId, IGrainFactory grains)
    {
        if (await Hooks(grains, site).FindDelivery(deliveryId) is not { } delivery
            || GrainKeys.Parse(delivery.OutboxKey).Site != site
            || !await grains.Grain<IWebhookOutboxGrain>(delivery.OutboxKey).Replay(deliveryId))
        {
            return TypedResults.Problem(statusCode: 404, title: "No such delivery, or it is too old to replay.");
        }
        return TypedResults.Accepted((string?)null);
    }

    private static ISiteWebhooksGrain Hooks(IGrainFactory grains, string site) =>
        grains.Grain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site));
}
