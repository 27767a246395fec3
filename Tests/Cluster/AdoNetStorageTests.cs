using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Contracts.Operators;
using Switchboard.Grains;
using Switchboard.Grains.Operators;

namespace Switchboard.Tests.Cluster;

/// <summary>Grain state through Microsoft.Orleans.Persistence.AdoNet on the project's own PostgreSQL schema.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class AdoNetStorageTests(DatabaseServers servers)
{
    [Fact]
    public async Task State_round_trips_with_a_new_etag_on_every_write()
    {
        var storage = await StorageAsync();
        var id = OperatorId(GrainKeys.NewId());
        var written = new GrainState<OperatorState>(new OperatorState { Status = OperatorStatus.Online, Conversations = ["Разговор 🛒", "c2"] });

        await storage.WriteStateAsync(StorageNames.OperatorState, id, written);
        var firstEtag = written.ETag;
        written.State!.Conversations.Add("c3");
        await storage.WriteStateAsync(StorageNames.OperatorState, id, written);

        var read = new GrainState<OperatorState>();
        await storage.ReadStateAsync(StorageNames.OperatorState, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotEqual(firstEtag, read.ETag);
        Assert.Equal(OperatorStatus.Online, read.State!.Status);
        Assert.Equal(["Разговор 🛒", "c2", "c3"], read.State!.Conversations);
    }

    [Fact]
    public async Task A_stale_etag_fails_cleanly_and_a_fresh_read_recovers()
    {
        var storage = await StorageAsync();
        var id = OperatorId(GrainKeys.NewId());
        var mine = new GrainState<OperatorState>(new OperatorState { Status = OperatorStatus.Away });
        await storage.WriteStateAsync(StorageNames.OperatorState, id, mine);
        var theirs = new GrainState<OperatorState>();
        await storage.ReadStateAsync(StorageNames.OperatorState, id, theirs);
        theirs.State!.Status = OperatorStatus.Online;
        await storage.WriteStateAsync(StorageNames.OperatorState, id, theirs);

        mine.State!.Status = OperatorStatus.Offline;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StorageNames.OperatorState, id, mine));

        // What a grain does after the exception: deactivate, read again, and write on top of the newer state.
        var recovered = new GrainState<OperatorState>();
        await storage.ReadStateAsync(StorageNames.OperatorState, id, recovered);
        Assert.Equal(OperatorStatus.Online, recovered.State!.Status);
        recovered.State!.Status = OperatorStatus.Offline;
        await storage.WriteStateAsync(StorageNames.OperatorState, id, recovered);
    }

    [Fact]
    public async Task A_second_first_write_loses_to_the_first()
    {
        var storage = await StorageAsync();
        var id = OperatorId(GrainKeys.NewId());
        await storage.WriteStateAsync(StorageNames.OperatorState, id, new GrainState<OperatorState>(new OperatorState()));

        // Two activations of one grain (the single-activation guarantee broken) both think the row is new.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StorageNames.OperatorState, id, new GrainState<OperatorState>(new OperatorState())));
    }

    [Fact]
    public async Task Cleared_state_reads_as_absent_and_can_be_written_again()
    {
        var storage = await StorageAsync();
        var id = OperatorId(GrainKeys.NewId());
        var state = new GrainState<OperatorState>(new OperatorState { Status = OperatorStatus.Online });
        await storage.WriteStateAsync(StorageNames.OperatorState, id, state);

        await storage.ClearStateAsync(StorageNames.OperatorState, id, state);
        var read = new GrainState<OperatorState>();
        await storage.ReadStateAsync(StorageNames.OperatorState, id, read);
        Assert.False(read.RecordExists);
        Assert.Equal(OperatorStatus.Offline, read.State!.Status);

        read.State!.Status = OperatorStatus.Away;
        await storage.WriteStateAsync(StorageNames.OperatorState, id, read);
        var again = new GrainState<OperatorState>();
        await storage.ReadStateAsync(StorageNames.OperatorState, id, again);
        Assert.Equal(OperatorStatus.Away, again.State!.Status);
    }

    private static GrainId OperatorId(string login) => GrainId.Create("operator", GrainKeys.Operator("storage-test", login));

    private async Task<IGrainStorage> StorageAsync() =>
        (await servers.ProviderSiloAsync()).Silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
}
