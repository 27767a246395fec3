using Switchboard.Gateway.Auth;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Gateway.Sites;

/// <summary>
/// The site's data key for its supervisors (docs/security.md, key management): rotate it after a suspected leak or on a
/// schedule. What is sealed from then on uses the new generation; what the older ones sealed still opens, and the
/// site's data keys are wrapped again by the new generation in the background (<see cref="SiteKeyRewrap"/>).
/// </summary>
public static class DataKeyEndpoints
{
    public sealed record RotatedResponse(int Generation);

    public static RouteGroupBuilder MapDataKey(this RouteGroupBuilder admin)
    {
        admin.MapPost("/data-key/rotate", async (string site, ConversationKeys keys, SiteKeyRewrap rewrap, ILoggerFactory logs, HttpContext http) =>
        {
            var generation = await keys.RotateSiteKeyAsync(site, http.RequestAborted);
            rewrap.Request(site);
            logs.CreateLogger(nameof(DataKeyEndpoints)).LogInformation("{Supervisor} rotated the data key of {Site} to generation {Generation}", http.User.Identity().Login, site, generation);
            return TypedResults.Ok(new RotatedResponse(generation));
        });
        return admin;
    }
}
