using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Grains.Storage;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Privacy;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>Personal data at rest in the standalone file: sealed, erasable (backups included), bound to the master key.</summary>
public sealed class SqlitePersonalDataTests : IPersonalDataStores, IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _backup = new();
    private SqliteDatabase _database = null!;
    private SqliteWriter _writer = null!;
    private SqliteDataKeyStore _keys = null!;

    public IEventLog Log { get; private set; } = null!;
    public IDataKeyStore Keys => _keys;
    public ConversationKeys ConversationKeys { get; private set; } = null!;
    public IPrivacyStore Privacy { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var options = new StorageOptions { DataDirectory = _data.Path };
        _keys = new SqliteDataKeyStore(options, NullLogger<SqliteWriter>.Instance);
        ConversationKeys = TestKeys.Keys(_keys);
        Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _keys.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        _backup.Dispose();
    }

    [Fact]
    public Task Personal_fields_are_sealed_at_rest_and_read_back_whole() =>
        PersonalDataContract.PersonalFieldsAreSealedAtRestAndReadBackWhole(this);

    [Fact]
    public Task An_erased_conversation_reads_as_placeholders_and_a_backup_taken_before_cannot_be_read() =>
        PersonalDataContract.AnErasedConversationReadsAsPlaceholdersAndABackupTakenBeforeCannotBeRead(this);

    [Fact]
    public Task A_changed_byte_fails_to_open() => PersonalDataContract.AChangedByteFailsToOpen(this, async key =>
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        // The last byte of the ciphertext of the message (seq 2).
        command.CommandText = """
            UPDATE conversation_events SET sealed = CAST(substr(sealed, 1, length(sealed) - 1)
                || CASE WHEN substr(sealed, -1) = X'00' THEN X'01' ELSE X'00' END AS BLOB)
             WHERE conversation = $c AND seq = 2
            """;
        command.Parameters.AddWithValue("$c", key);
        await command.ExecuteNonQueryAsync();
    });

    [Fact]
    public Task Conversations_past_their_sites_retention_go_with_their_keys_and_files() =>
        RetentionContract.OldConversationsGoWithTheirKeysAndFilesOnTheSweepsTimer(this);

    [Fact]
    public Task A_wrong_master_key_is_refused_and_a_rotation_rewraps_the_site_keys() =>
        PersonalDataContract.AWrongMasterKeyIsRefusedAndARotationReWrapsTheSiteKeys(this);

    [Fact]
    public Task A_site_key_rotation_is_followed_by_a_rewrap_of_its_data_keys_that_resumes() =>
        PersonalDataContract.ARotationIsFollowedByARewrapOfTheSitesDataKeysThatResumesAndSkipsWhatIsDone(this);

    [Fact]
    public void The_keys_live_in_their_own_file_apart_from_the_data()
    {
        Assert.Equal(_data.Path, Path.GetDirectoryName(_keys.FilePath));
        Assert.NotEqual(_database.FilePath, _keys.FilePath);
    }

    public async Task<string> RawRowsAsync(string conversationKey)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, CAST(sealed AS TEXT) FROM conversation_events WHERE conversation = $c";
        command.Parameters.AddWithValue("$c", conversationKey);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0) + (reader.IsDBNull(1) ? "" : reader.GetString(1)));
        }
        return string.Join('\n', rows);
    }

    async Task IPersonalDataStores.BackUpAsync()
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"VACUUM INTO '{Path.Combine(_backup.Path, SqliteDatabase.FileName)}'";
        await command.ExecuteNonQueryAsync();
    }

    async Task IPersonalDataStores.RestoreAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_data.Path, SqliteDatabase.FileName + "*"))
        {
            File.Delete(file);
        }
        File.Copy(Path.Combine(_backup.Path, SqliteDatabase.FileName), _database.FilePath);
        Open();
    }

    private void Open()
    {
        _database = new SqliteDatabase(new StorageOptions { DataDirectory = _data.Path });
        _writer = new SqliteWriter(_database, NullLogger<SqliteWriter>.Instance);
        Log = new SqliteEventLog(_database, _writer, new EventSealer(ConversationKeys));
        Privacy = new SqlitePrivacyStore(_database, _writer);
    }
}
