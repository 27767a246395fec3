using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Postgres;
using Switchboard.Silo.Storage.Privacy;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Storage;

namespace Switchboard.Tests.Cluster;

/// <summary>Personal data at rest in the cluster's PostgreSQL: sealed, erasable (backups included), bound to the master key.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresPersonalDataTests(DatabaseServers servers) : IPersonalDataStores, IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private PostgresWriter _writer = null!;

    public IEventLog Log { get; private set; } = null!;
    public IDataKeyStore Keys { get; private set; } = null!;
    public ConversationKeys ConversationKeys { get; private set; } = null!;
    public IPrivacyStore Privacy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = new PostgresDatabase(await servers.Postgres.CreateDatabaseAsync("personal_data"));
        await _database.MigrateAsync();
        _writer = new PostgresWriter(_database, NullLogger<PostgresWriter>.Instance);
        Keys = new PostgresDataKeyStore(_database);
        ConversationKeys = TestKeys.Keys(Keys);
        Log = new PostgresEventLog(_database, _writer, new EventSealer(ConversationKeys));
        Privacy = new PostgresPrivacyStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public Task Personal_fields_are_sealed_at_rest_and_read_back_whole() =>
        PersonalDataContract.PersonalFieldsAreSealedAtRestAndReadBackWhole(this);

    [Fact]
    public Task An_erased_conversation_reads_as_placeholders_and_a_backup_taken_before_cannot_be_read() =>
        PersonalDataContract.AnErasedConversationReadsAsPlaceholdersAndABackupTakenBeforeCannotBeRead(this);

    [Fact]
    public Task A_changed_byte_fails_to_open() => PersonalDataContract.AChangedByteFailsToOpen(this, key => ExecuteAsync(
        "UPDATE conversation_events SET sealed = set_byte(sealed, length(sealed) - 1, 255 - get_byte(sealed, length(sealed) - 1)) WHERE conversation = $1 AND seq = 2",
        key));

    [Fact]
    public Task Conversations_past_their_sites_retention_go_with_their_keys_and_files() =>
        RetentionContract.OldConversationsGoWithTheirKeysAndFilesOnTheSweepsTimer(this);

    [Fact]
    public Task A_wrong_master_key_is_refused_and_a_rotation_rewraps_the_site_keys() =>
        PersonalDataContract.AWrongMasterKeyIsRefusedAndARotationReWrapsTheSiteKeys(this);

    [Fact]
    public Task A_site_key_rotation_is_followed_by_a_rewrap_of_its_data_keys_that_resumes() =>
        PersonalDataContract.ARotationIsFollowedByARewrapOfTheSitesDataKeysThatResumesAndSkipsWhatIsDone(this);

    public async Task<string> RawRowsAsync(string conversationKey)
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT payload::text || coalesce(encode(sealed, 'escape'), '') FROM conversation_events WHERE conversation = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationKey });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return string.Join('\n', rows);
    }

    // A backup as deployment.md advises: the event data, without the data_keys table.
    Task IPersonalDataStores.BackUpAsync() => ExecuteAsync("CREATE TABLE backup_events AS SELECT * FROM conversation_events");

    Task IPersonalDataStores.RestoreAsync() => ExecuteAsync("DELETE FROM conversation_events; INSERT INTO conversation_events OVERRIDING SYSTEM VALUE SELECT * FROM backup_events");

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }
}
