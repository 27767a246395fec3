using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Channels;
using Switchboard.Silo.Channels;
using Switchboard.Silo.Channels.Email;
using Switchboard.Silo.Channels.Telegram;
using Switchboard.Silo.Channels.Vk;
using Switchboard.Silo.Channels.WhatsApp;
using Switchboard.Silo.Storage.Blobs;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The messengers' outbound side lives with the grains: a conversation's outbox (a grain) sends through these, on
/// whichever silo holds it, so a message waiting to go out survives the gateway and the silo it was written on.
/// </summary>
public static class MessengerHosting
{
    /// <summary>Long enough for a slow platform, short of the outbox's own send timeout.</summary>
    public static readonly TimeSpan PlatformTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddSwitchboardMessengers(this IServiceCollection services, IConfiguration configuration)
    {
        // Operators' files are uploaded to the platforms from the attachment store the gateways write to.
        services.AddSwitchboardBlobStore(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // One pooled client for every platform; connections are renewed so DNS changes are followed.
        services.TryAddSingleton(sp => new RateLimitedHttp(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = PlatformTimeout },
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<TelegramSender>();
        services.TryAddSingleton<WhatsAppSender>();
        services.TryAddSingleton<VkSender>();
        services.AddSingleton<IChannelSender>(sp => Messenger<TelegramSender>(sp, ChannelNames.Telegram));
        services.AddSingleton<IChannelSender>(sp => Messenger<WhatsAppSender>(sp, ChannelNames.WhatsApp));
        services.AddSingleton<IChannelSender>(sp => Messenger<VkSender>(sp, ChannelNames.Vk));
        services.AddSingleton<IChannelSender, EmailSender>();
        return services;
    }

    private static MessengerSender Messenger<TPlatform>(IServiceProvider services, string channel) where TPlatform : IPlatformSender =>
        new(channel, services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<TPlatform>(), services.GetRequiredService<IBlobStore>());
}
