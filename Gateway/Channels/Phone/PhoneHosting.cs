using Switchboard.Contracts.Calls;
using Switchboard.Gateway.Channels.Phone.Ari;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary>The phone channel's services: its settings, the menu's order-status reader, the sender of commands to the PBX (and the grains' way to it), prompts rendered to speech, and the Asterisk ARI adapter.</summary>
public static class PhoneHosting
{
    public static IServiceCollection AddPhoneChannel(this IServiceCollection services)
    {
        services.AddSwitchboardPhoneCommands();
        services.AddTransient<OrderStatusReader>();
        services.AddSingleton<PromptSpeech>();
        // A silo in this process (standalone) pushes its grains' commands with prompts rendered like the answers'.
        services.AddTransient<IPhoneCommandPort, SpokenCommandPush>();
        services.AddAriAdapter();
        return services;
    }
}
