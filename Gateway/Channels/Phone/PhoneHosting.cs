namespace Switchboard.Gateway.Channels.Phone;

/// <summary>The phone channel's services: its settings, the menu's order-status reader, and the sender of commands to the PBX.</summary>
public static class PhoneHosting
{
    public static IServiceCollection AddPhoneChannel(this IServiceCollection services)
    {
        services.AddSingleton<PhoneChannelSettings>();
        services.AddTransient<OrderStatusReader>();
        services.AddHttpClient<PhoneCommandSender>();
        return services;
    }
}
