namespace Switchboard.Gateway.Channels.Phone;

/// <summary>The phone channel's services: its settings and the menu's order-status reader.</summary>
public static class PhoneHosting
{
    public static IServiceCollection AddPhoneChannel(this IServiceCollection services)
    {
        services.AddSingleton<PhoneChannelSettings>();
        services.AddTransient<OrderStatusReader>();
        return services;
    }
}
