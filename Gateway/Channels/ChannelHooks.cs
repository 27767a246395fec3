using Switchboard.Gateway.Channels.Email;
using Switchboard.Gateway.Channels.Media;
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
        hooks.MapEmailHook();
        return app;
    }

    /// <summary>Long enough for a platform's 20 MB file on a slow link; a download that outlasts it is tried again.</summary>
    public static readonly TimeSpan MediaDownloadTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The webhooks' queue and the service that drains it into the core (the outbound side runs on silos: Silo/Channels).</summary>
    public static IServiceCollection AddChannelInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboundQueue>();
        services.AddSingleton<ChannelInbox>();
        services.AddSingleton<PlatformReports>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton(_ => new PlatformDownloads(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = MediaDownloadTimeout }));
        services.AddSingleton<MessengerFiles>();
        services.AddSingleton<MailFiles>();
        services.AddSingleton<MailIntake>();
        services.AddSingleton<ImapMailboxReader>();
        services.AddHostedService<ImapReaders>();
        services.AddHostedService<InboundDrain>();
        return services;
    }
}
