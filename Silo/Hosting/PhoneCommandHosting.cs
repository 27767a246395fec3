using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Contracts.Calls;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The way to the sites' PBXs, wherever the call grains run: a silo of its own pushes the grains' commands to each
/// site's <c>commandUrl</c> itself (text prompts), so no command waits on a gateway. A gateway registers the same
/// sender for the commands it starts (<c>originate</c>), and in standalone a port that also renders speech.
/// </summary>
public static class PhoneCommandHosting
{
    public static IServiceCollection AddSwitchboardPhoneCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<PhoneChannelSettings>();
        // One pooled client; connections are renewed so a PBX's DNS changes are followed. The sender sets its own timeout.
        services.TryAddSingleton(sp => new PhoneCommandSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<PhoneCommandPush>();
        services.TryAddSingleton<IPhoneCommandPort>(sp => sp.GetRequiredService<PhoneCommandPush>());
        return services;
    }
}
