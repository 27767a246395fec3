using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Grains;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>Grain state at rest in the standalone file, through the silo's own provider.</summary>
[Collection(ClusterFixture.Name)]
public sealed class SqliteSealedStateTests(ClusterFixture fixture) : ISealedStateStore
{
    private IServiceProvider Services => fixture.Cluster.Silos[0].ServiceProvider;

    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
    public ConversationKeys Keys => Services.GetRequiredService<ConversationKeys>();
    public IDataKeyStore KeyStore => Services.GetRequiredService<IDataKeyStore>();
    public IGrainStorageSerializer PlainSerializer => ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(Services);

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
        await using var connection = Services.GetRequiredService<SqliteDatabase>().Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM grain_state WHERE state_name = $state AND grain_key = $key";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$key", grainId.ToString());
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    async Task ISealedStateStore.SetRawAsync(string stateName, GrainId grainId, byte[] payload)
    {
        await using var connection = Services.GetRequiredService<SqliteDatabase>().Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO grain_state (state_name, grain_key, etag, payload, updated_at) VALUES ($state, $key, 1, $payload, '2026-11-23')
            ON CONFLICT (state_name, grain_key) DO UPDATE SET payload = excluded.payload
            """;
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$key", grainId.ToString());
        command.Parameters.AddWithValue("$payload", payload);
        await command.ExecuteNonQueryAsync();
    }
}
