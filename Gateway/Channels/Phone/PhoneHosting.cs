using Switchboard.Contracts.Calls;
using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Gateway.Channels.Phone.Speech;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary>The phone channel's services: its settings, the menu's order-status reader, the sender of commands to the PBX (and the grains' way to it), prompts rendered to speech, and the Asterisk ARI adapter.</summary>
public static class PhoneHosting
{
    public static IServiceCollection AddPhoneChannel(this IServiceCollection services)
    {
        services.AddSingleton<PhoneChannelSettings>();
        services.AddTransient<OrderStatusReader>();
        services.AddHttpClient<PhoneCommandSender>();
        services.AddSingleton<PromptSpeech>();
        // Grains push their commands through the gateway's sender: it replaces the silo's port that cannot reach PBXs.
        services.AddTransient<IPhoneCommandPort, PhoneCommandPush>();
        services.AddAriAdapter();
        return services;
    }
}
