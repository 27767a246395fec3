using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Grains.DailySummary;
using Switchboard.Grains.Exports;
using Switchboard.Grains.Webhooks;
using Switchboard.Silo.DailySummary;
using Switchboard.Silo.Exports;
using Switchboard.Silo.Webhooks;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Outbound integrations live with the grains: webhook deliveries, exports and summaries go out from whichever silo
/// holds the grain, so they survive the gateway and the silo they were queued on.
/// </summary>
public static class IntegrationHosting
{
    /// <summary>An export window can be large; a retailer's endpoint gets longer for it than for a webhook.</summary>
    public static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddSwitchboardIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        var webhooks = WebhookOptions.From(configuration);
        services.TryAddSingleton(webhooks);
        services.TryAddSingleton<IWebhookSender>(_ => new HttpWebhookSender(GuardedHttp.Create(webhooks)));
        var exportHttp = new WebhookOptions { AllowPrivateNetworks = webhooks.AllowPrivateNetworks, TimeoutSeconds = ExportTimeout.TotalSeconds };
        services.TryAddSingleton<IExportTarget>(_ => new ExportWriter(ExportOptions.DirectoryFrom(configuration), GuardedHttp.Create(exportHttp)));
        services.TryAddSingleton(configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions());
        services.TryAddSingleton<ISummaryMailer, SmtpSummaryMailer>();
        // The queues' live figures until the historical read model answers for any day.
        services.TryAddSingleton<IDailyFiguresSource, LiveDailyFigures>();
        return services;
    }
}
