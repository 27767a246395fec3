using Switchboard.Contracts;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Sites;

/// <summary>
/// The site's identity secret for its supervisors (docs/identity.md): read it to sign identities on the shop's
/// server, rotate it with the old one still accepted for a grace period, and end the rotation once every page
/// signs with the new one.
/// </summary>
public static class IdentitySecretEndpoints
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxGrace = TimeSpan.FromDays(7);

    public sealed record RotateRequest(double? GraceHours);

    public sealed record SecretResponse(string Secret, DateTimeOffset? PreviousValidUntil);

    public static RouteGroupBuilder MapIdentitySecret(this RouteGroupBuilder admin)
    {
        admin.MapGet("/identity-secret", async (string site, IGrainFactory grains, TimeProvider clock) =>
            await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig() is { } config
                ? Results.Ok(Describe(config, clock.GetUtcNow()))
                : Results.NotFound());
        admin.MapPost("/identity-secret/rotate", async (string site, RotateRequest? body, IGrainFactory grains, TimeProvider clock) =>
        {
            var grace = body?.GraceHours is { } hours ? TimeSpan.FromHours(hours) : DefaultGrace;
            if (grace < TimeSpan.Zero || grace > MaxGrace)
            {
                return TypedResults.Problem(statusCode: 400, title: $"graceHours is from 0 to {MaxGrace.TotalHours:0}.");
            }
            var now = clock.GetUtcNow();
            return await Run(() => grains.Grain<ISiteGrain>(GrainKeys.Site(site)).RotateIdentitySecret(now + grace), now);
        });
        admin.MapDelete("/identity-secret/previous", async (string site, IGrainFactory grains, TimeProvider clock) =>
            await Run(() => grains.Grain<ISiteGrain>(GrainKeys.Site(site)).EndIdentitySecretRotation(), clock.GetUtcNow()));
        return admin;
    }

    private static SecretResponse Describe(SiteConfig config, DateTimeOffset now) =>
        new(config.IdentitySecret, config.PreviousIdentitySecretValidUntil > now ? config.PreviousIdentitySecretValidUntil : null);

    private static async Task<IResult> Run(Func<Task<SiteConfig>> change, DateTimeOffset now)
    {
        try
        {
            return Results.Ok(Describe(await change(), now));
        }
        catch (SwitchboardException refusal) when (refusal.Code == ErrorCodes.NotFound)
        {
            return Results.NotFound();
        }
    }
}
