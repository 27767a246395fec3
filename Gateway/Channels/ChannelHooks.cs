using Switchboard.Gateway.Channels.Telegram;
using Switchboard.Gateway.Channels.Vk;
using Switchboard.Gateway.Channels.WhatsApp;

namespace Switchboard.Gateway.Channels;

/// <summary>The messengers' webhooks under <c>/hooks</c>: no operator token, each platform's own authentication.</summary>
public static class ChannelHooks
{
    public static IEndpointRouteBuilder MapChannelHooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/hooks");
        hooks.MapTelegramHook();
        hooks.MapWhatsAppHook();
        hooks.MapVkHook();
        return app;
    }

    /// <summary>The webhooks' queue and the service that drains it into the core (the outbound side runs on silos: Silo/Channels).</summary>
    public static IServiceCollection AddChannelInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboundQueue>();
        services.AddSingleton<ChannelInbox>();
        services.AddSingleton<PlatformReports>();
        services.AddSingleton<WebhookIntake>();
        services.AddHostedService<InboundDrain>();
        return services;
    }
}
