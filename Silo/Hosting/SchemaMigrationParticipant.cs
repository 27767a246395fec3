using Orleans;
using Orleans.Runtime;

namespace Switchboard.Silo.Hosting;

/// <summary>Runs the schema migration in the silo's start-up, before grain storage and reminders read their queries.</summary>
public sealed class SchemaMigrationParticipant(SchemaMigration migration) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.RuntimeInitialize, migration.ApplyAsync);
}
