using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Hosting;

public static class EncryptionHosting
{
    /// <summary>
    /// Personal data at rest: the master keys from <c>Encryption</c>, the conversation keys under them, and the sealer
    /// both event log stores use. The master key is read when the first key is needed (silos check it at start).
    /// </summary>
    public static IServiceCollection AddSwitchboardEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => MasterKeys.From(
            configuration.GetSection(EncryptionOptions.Section).Get<EncryptionOptions>() ?? new EncryptionOptions(),
            provider.GetService<IHostEnvironment>()));
        services.AddSingleton<ConversationKeys>();
        services.AddSingleton<IConversationKeys>(provider => provider.GetRequiredService<ConversationKeys>());
        services.AddSingleton<EventSealer>();
        services.AddSingleton<SiteKeyRewrap>();
        services.AddHostedService(provider => provider.GetRequiredService<SiteKeyRewrap>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MasterKeyCheckParticipant>();
        return services;
    }
}
