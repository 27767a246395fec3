using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Contracts;
using Switchboard.Contracts.Help;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Campaigns;
using Switchboard.Gateway.Channels;
using Switchboard.Gateway.Channels.Phone;
using Switchboard.Gateway.Crm;
using Switchboard.Gateway.DailySummary;
using Switchboard.Gateway.Exports;
using Switchboard.Gateway.Customers;
using Switchboard.Gateway.Monitoring;
using Switchboard.Gateway.Reports;
using Switchboard.Gateway.Workplace;
using Switchboard.Gateway.Visitors;
using Switchboard.Gateway.Webhooks;

namespace Switchboard.Gateway.Sites;

/// <summary>
/// Site configuration for supervisors (queues, operators, routing rules, settings) and the lists operators
/// need (who and which queues to transfer to; who waits). Every change is validated whole and takes effect
/// without a restart.
/// </summary>
public static class SiteEndpoints
{
    public const int DefaultCapacity = OperatorAccountEndpoints.DefaultCapacity;

    public static IEndpointRouteBuilder MapSites(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/sites/{site}").RequireAuthorization().AddEndpointFilter(SameSite);
        site.MapGet("/directory", Directory);
        site.MapGet("/queues", Queues);
        site.MapVisitors();
        site.MapMonitor();
        site.MapCustomerCard();
        site.MapCallBack();
        site.MapWhatsAppTemplates();
        var admin = site.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor));
        admin.MapGet("/config", Config);
        admin.MapIdentitySecret();
        admin.MapDataKey();
        site.MapWorkplace(admin);
        site.MapCustomers(admin);
        admin.MapChannels();
        admin.MapCallFigures();
        admin.MapReports();
        admin.MapOperatorTimeReport();
        admin.MapCampaigns();
        admin.MapWebhooks();
        admin.MapExports();
        admin.MapDailySummary();
        admin.MapPut("/settings", (string site, SiteSettings body, IGrainFactory grains) =>
            Change(grains, site, config => config.WithSettings(body), g => g.UpdateSettings(body)));
        admin.MapPut("/queues/{queueId}", (string site, string queueId, QueueConfig body, IGrainFactory grains) =>
        {
            var queue = body with { Id = queueId };
            return Change(grains, site, config => config.WithQueue(queue), g => g.UpsertQueue(queue));
        });
        admin.MapOperatorAccounts();
        admin.MapPut("/invitations", (string site, InvitationSettings body, IGrainFactory grains) =>
            Change(grains, site, config => config.WithInvitations(body), g => g.SetInvitations(body)));
        admin.MapPut("/waiting-help", (string site, WaitingHelp body, IGrainFactory grains) =>
            Change(grains, site, config => config with { WaitingHelp = body }, g => g.SetWaitingHelp(body)));
        admin.MapPut("/routing-rules", (string site, IReadOnlyList<RoutingRule> body, IGrainFactory grains) =>
            Change(grains, site, config => config.WithRoutingRules(body), g => g.SetRoutingRules(body)));
        return app;
    }

    private static async ValueTask<object?> SameSite(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var site = context.HttpContext.GetRouteValue("site") as string;
        return context.HttpContext.User.Identity().Site == site
            ? await next(context)
            : TypedResults.Problem(statusCode: 403, title: "Your account belongs to another site.");
    }

    private static async Task<Results<Ok<object>, NotFound>> Config(string site, IGrainFactory grains)
    {
        if (await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig() is not { } config)
        {
            return TypedResults.NotFound();
        }
        // Never the password hashes or the identity secret.
        return TypedResults.Ok<object>(new
        {
            config.Name, config.Language, config.TimeZone, config.AllowedOrigins, config.DefaultQueue, config.Queues, config.RoutingRules, config.Invitations,
            config.WaitingHelp,
            operators = config.Operators.Select(o => new { o.Login, o.Name, o.Role, o.Queues, o.Capacity, o.Disabled }),
        });
    }

    private static async Task<IResult> Directory(string site, IGrainFactory grains)
    {
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        if (config is null)
        {
            return TypedResults.NotFound();
        }
        var operators = await Task.WhenAll(config.Operators.Where(o => o.Role == Roles.Operator)
            .Select(o => grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, o.Login)).GetSnapshot()));
        return TypedResults.Ok(new
        {
            queues = config.Queues.Select(q => new { id = q.Id, name = q.Name }),
            operators = operators.Select(o => new { id = o.Id, name = o.Name, status = o.Status, load = o.Conversations.Count, capacity = o.Capacity }),
        });
    }

    private static async Task<IResult> Queues(string site, IGrainFactory grains)
    {
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        if (config is null)
        {
            return TypedResults.NotFound();
        }
        var queues = await Task.WhenAll(config.Queues.Select(q => grains.Grain<IQueueGrain>(GrainKeys.Queue(site, q.Id)).GetSnapshot()));
        return TypedResults.Ok(queues.Select(q => new { id = q.QueueId, waiting = q.Waiting, roster = q.Roster }));
    }

    /// <summary>Validates the changed configuration field by field, then stores it through the site grain.</summary>
    private static async Task<IResult> Change(IGrainFactory grains, string site, Func<SiteConfig, SiteConfig> change, Func<ISiteGrain, Task<SiteConfig>> store)
    {
        var grain = grains.Grain<ISiteGrain>(GrainKeys.Site(site));
        if (await grain.GetConfig() is not { } config)
        {
            return TypedResults.NotFound();
        }
        try
        {
            var problems = SiteConfigValidator.Validate(change(config));
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(problems);
            }
            await store(grain);
            return TypedResults.NoContent();
        }
        catch (SwitchboardException refusal)
        {
            return TypedResults.Problem(statusCode: 400, title: refusal.Message);
        }
    }
}
