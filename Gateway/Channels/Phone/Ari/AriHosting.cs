namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>The Asterisk ARI adapter: its settings, and the hosted service that holds each site's events connection.</summary>
public static class AriHosting
{
    public static IServiceCollection AddAriAdapter(this IServiceCollection services)
    {
        services.AddSingleton<AriSettings>();
        services.AddHttpClient(AriService.HttpClientName);
        services.AddSingleton<AriService>();
        services.AddHostedService(provider => provider.GetRequiredService<AriService>());
        return services;
    }
}
