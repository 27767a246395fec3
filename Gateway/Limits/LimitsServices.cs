using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Switchboard.Gateway.Limits;

public static class LimitsServices
{
    /// <summary>The <c>Limits</c> settings and the guards that apply them (docs/security.md, "Limits").</summary>
    public static IServiceCollection AddClientLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClientLimits>().Bind(configuration.GetSection(ClientLimits.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AddressGuard>();
        services.AddSingleton<VisitorAllowance>();
        services.AddSingleton<LoginThrottle>();
        services.TryAddSingleton<KnownSites>();
        services.AddSingleton<SiteNames>();
        return services;
    }
}
