using Orleans;
using Orleans.Runtime;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// A silo does not start with a master key that did not write its data (it could read none of it, and would write
/// what the right key cannot read); keys under a retired master are re-wrapped here. After the schema migration,
/// before any grain runs.
/// </summary>
public sealed class MasterKeyCheckParticipant(ConversationKeys keys) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MasterKeyCheckParticipant), ServiceLifecycleStage.RuntimeStorageServices, keys.CheckMasterKeyAsync);
}
