using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Grains.Webhooks;
using Switchboard.Silo.Webhooks;

namespace Switchboard.Silo.Hosting;

/// <summary>Outbound integrations with the grains: webhook deliveries go out from whichever silo holds the outbox.</summary>
public static class WebhookHosting
{
    public static IServiceCollection AddSwitchboardWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WebhookOptions.From(configuration);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IWebhookSender>(_ => new HttpWebhookSender(GuardedHttp.Create(options)));
        return services;
    }
}
