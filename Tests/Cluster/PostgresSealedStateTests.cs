using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Grains;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Storage;

namespace Switchboard.Tests.Cluster;

/// <summary>Grain state at rest in the cluster's PostgreSQL, through the silo's provider (sealing over Orleans' ADO.NET one).</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresSealedStateTests(DatabaseServers servers) : ISealedStateStore, IAsyncLifetime
{
    private ProviderSilo _silo = null!;
    private NpgsqlDataSource _database = null!;

    public IGrainStorage Storage => _silo.Silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
    public ConversationKeys Keys => _silo.Silo.Get<ConversationKeys>();
    public IDataKeyStore KeyStore => _silo.Silo.Get<IDataKeyStore>();
    public IGrainStorageSerializer PlainSerializer => ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(_silo.Silo.Services);

    public async Task InitializeAsync()
    {
        _silo = await servers.ProviderSiloAsync();
        _database = NpgsqlDataSource.Create(_silo.Postgres);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public Task Personal_state_is_sealed_at_rest_and_reads_back_whole() =>
        SealedStateContract.PersonalStateIsSealedAtRestAndReadsBackWhole(this);

    [Fact]
    public Task Clearing_a_persons_state_destroys_their_key_so_a_backup_of_the_row_cannot_be_read() =>
        SealedStateContract.ClearingAPersonsStateDestroysTheirKeySoABackupOfTheRowCannotBeRead(this);

    [Fact]
    public Task State_moved_to_another_grain_fails_to_open() => SealedStateContract.StateMovedToAnotherGrainFailsToOpen(this);

    [Fact]
    public Task State_from_before_sealing_reads_and_is_sealed_on_its_next_write() =>
        SealedStateContract.StateFromBeforeSealingReadsAndIsSealedOnItsNextWrite(this);

    [Fact]
    public Task A_rotated_site_key_seals_what_is_written_next_and_what_the_old_one_sealed_still_opens() =>
        SealedStateContract.ARotatedSiteKeySealsWhatIsWrittenNextAndWhatTheOldOneSealedStillOpens(this);

    async Task<byte[]> ISealedStateStore.RawAsync(string stateName, GrainId grainId)
    {
        await using var command = Command(
            "SELECT PayloadBinary FROM OrleansStorage WHERE ServiceId = $1 AND GrainTypeString = $2 AND GrainIdExtensionString = $3",
            stateName, grainId);
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    // Orleans' provider keeps a cleared row (without its payload), so there is always one to put a backup back into.
    async Task ISealedStateStore.SetRawAsync(string stateName, GrainId grainId, byte[] payload)
    {
        await using var command = Command(
            "UPDATE OrleansStorage SET PayloadBinary = $4 WHERE ServiceId = $1 AND GrainTypeString = $2 AND GrainIdExtensionString = $3",
            stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private NpgsqlCommand Command(string sql, string stateName, GrainId grainId)
    {
        var command = _database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = _silo.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key.ToString() });
        return command;
    }
}
