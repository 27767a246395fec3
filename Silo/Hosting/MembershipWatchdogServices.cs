using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Silo.Hosting;

public static class MembershipWatchdogServices
{
    /// <summary>Cluster mode only: standalone's in-memory membership cannot lose an entry.</summary>
    public static IServiceCollection AddMembershipWatchdog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MembershipWatchdogOptions>(configuration.GetSection(MembershipWatchdogOptions.Section));
        services.AddHostedService<MembershipWatchdog>();
        return services;
    }
}
