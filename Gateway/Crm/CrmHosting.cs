using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Crm;

public static class CrmHosting
{
    /// <summary>The customer-card connector: its validated options and resilient client (shared with a silo's order lookup), which sites have a CRM.</summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrmConnection<CrmClient>(configuration);
        services.AddSingleton<CrmScope>();
        // Registered before the silo's fallback, so a co-hosted silo's waiting-help bot asks this gateway's CRM.
        services.AddTransient<Contracts.Help.IOrderStatusPort, CrmOrderStatusPort>();
        return services;
    }
}
