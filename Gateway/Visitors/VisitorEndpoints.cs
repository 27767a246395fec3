using Switchboard.Contracts;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Auth;

namespace Switchboard.Gateway.Visitors;

/// <summary>The live visitor list and manual invitations, for the operators of the site.</summary>
public static class VisitorEndpoints
{
    public const int MaxListed = 200;

    public sealed record InviteRequest(string? Text);

    public static RouteGroupBuilder MapVisitors(this RouteGroupBuilder site)
    {
        site.MapGet("/visitors", async (string site, IGrainFactory grains, TimeProvider clock) =>
        {
            var (total, visitors) = await grains.Grain<ISiteVisitorsGrain>(GrainKeys.Site(site)).GetOnline(MaxListed);
            var now = clock.GetUtcNow();
            return TypedResults.Ok(new
            {
                total,
                visitors = visitors.Select(v => new
                {
                    id = v.Id, name = v.Name, page = new { url = v.PageUrl, title = v.PageTitle },
                    onSiteSeconds = (int)(now - v.VisitStartedAt).TotalSeconds, pages = v.Pages, cart = v.Cart,
                    source = v.Source, returning = v.Returning, chatting = v.Chatting,
                }),
            });
        });
        site.MapPost("/visitors/{visitorId}/invite", async (string site, string visitorId, InviteRequest body, HttpContext http, IGrainFactory grains) =>
        {
            try
            {
                await grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId))
                    .InviteManually(http.User.Identity().ToActor(), body.Text ?? "");
                return Results.Accepted();
            }
            catch (SwitchboardException refusal)
            {
                var status = refusal.Code switch { ErrorCodes.NotFound => 404, ErrorCodes.Forbidden => 403, _ => 400 };
                return TypedResults.Problem(statusCode: status, title: refusal.Message);
            }
        });
        return site;
    }
}
