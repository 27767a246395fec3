using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Webhooks;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Conversations;

/// <summary>Erasure: the conversation's key goes, and with it every readable copy of its personal data.</summary>
public sealed partial class ConversationGrain
{
    public async Task Erase()
    {
        // Its webhook deliveries not yet sent carry its texts: dropped, not sent after the erasure. First, so that what
        // the outbox stores is under the key destroyed next.
        await GrainFactory.Grain<IWebhookOutboxGrain>(GrainKeys.ConversationWebhooks(_site, _id)).Forget();
        // Through this grain, on its silo: the key cache that serves its appends and reads is the one that forgets it.
        await ServiceProvider.GetRequiredService<IConversationKeys>().ForgetAsync(_key);
        // The activation's texts and names go with it; a later call replays the log, which now reads "[erased]".
        _historyStale = true;
        DeactivateOnIdle();
    }
}
