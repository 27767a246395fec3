using Switchboard.Gateway.Hosting;
using Switchboard.Silo.Crm;

namespace Switchboard.Gateway.Crm;

public static class CrmHosting
{
    /// <summary>The customer-card connector: its validated options, which sites have a CRM, its resilient client.</summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CrmOptions.Section);
        services.AddOptions<CrmOptions>()
            .Bind(section)
            .Configure(options => CrmOptions.ReadLegacyTimeout(section, options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CrmScope>();
        services.AddResilientHttpClient<CrmClient, CrmOptions>(options => options.Timeout);
        // Registered before the silo's fallback, so a co-hosted silo's waiting-help bot asks this gateway's CRM.
        services.AddTransient<Contracts.Help.IOrderStatusPort, CrmOrderStatusPort>();
        return services;
    }
}
