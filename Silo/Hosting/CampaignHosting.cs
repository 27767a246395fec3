using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Campaigns;
using Switchboard.Grains.Campaigns;
using Switchboard.Silo.Campaigns;
using Switchboard.Silo.Storage.Campaigns;

namespace Switchboard.Silo.Hosting;

/// <summary>Robot call campaigns: their contacts on <typeparamref name="TDatabase"/>, the originates to the PBXs, and the SMS gateway for links.</summary>
public static class CampaignHosting
{
    public static IServiceCollection AddSwitchboardCampaigns<TDatabase>(this IServiceCollection services, IConfiguration configuration)
        where TDatabase : class, ICampaignDatabase
    {
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.Section));
        services.AddOptions<SmsGatewayOptions>().Bind(configuration.GetSection(SmsGatewayOptions.Section));
        services.AddSingleton<ICampaignDatabase, TDatabase>();
        services.AddSingleton<ICampaignStore, SqlCampaignStore>();
        services.AddSwitchboardPhoneCommands();
        services.AddSingleton<ICampaignDialer, CampaignDialer>();
        services.AddSingleton<ICampaignLinkSender>(sp => ActivatorUtilities.CreateInstance<CampaignLinkSender>(sp,
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan }));
        return services;
    }
}
