using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Help;
using Switchboard.Silo.Crm;

namespace Switchboard.Silo.Hosting;

public static class CrmLookupHosting
{
    /// <summary>
    /// A silo on its own asks the CRM itself for the waiting-help bot's order lookups (in standalone mode the co-hosted
    /// gateway's connector does). Registered after the silo's services, so it replaces their "no CRM here" fallback.
    /// </summary>
    public static IServiceCollection AddSiloOrderLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrmConnection<CrmOrderLookup>(configuration);
        services.AddTransient<IOrderStatusPort>(provider => provider.GetRequiredService<CrmOrderLookup>());
        return services;
    }
}
