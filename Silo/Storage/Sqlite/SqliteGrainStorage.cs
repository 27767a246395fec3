using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>
/// Orleans grain state in the standalone SQLite file, one row per (state name, grain id), with an
/// integer etag for optimistic concurrency. Writes share the event log's group commit.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, SqliteWriter writer, IGrainStorageSerializer serializer, TimeProvider clock)
    : IGrainStorage
{
    // Bound by position (SqliteBoundStatement): ?1 state name, ?2 key, ?3 payload, ?4 time; the update's ?5 the etag read.
    private const string InsertSql = """
        INSERT INTO grain_state (state_name, grain_key, etag, payload, updated_at)
        VALUES (?1, ?2, 1, ?3, ?4)
        ON CONFLICT (state_name, grain_key) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET etag = etag + 1, payload = ?3, updated_at = ?4
        WHERE state_name = ?1 AND grain_key = ?2 AND etag = ?5
        """;

    private const string SelectSql = "SELECT etag, payload FROM grain_state WHERE state_name = $state AND grain_key = $key";

    private const string DeleteSql = "DELETE FROM grain_state WHERE state_name = $state AND grain_key = $key AND etag = $etag";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = database.Readers.Rent();
        var command = connection.Command(SelectSql, ["$state", "$key"]);
        command.Parameters[0].Value = stateName;
        command.Parameters[1].Value = grainId.ToString();
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }
        grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(1)));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var key = grainId.ToString();
        var expected = grainState.ETag;
        var at = clock.GetUtcNow();
        var etag = await writer.Enqueue(context =>
        {
            var statement = context.Bound(expected is null ? InsertSql : UpdateSql);
            statement.Bind(1, stateName);
            statement.Bind(2, key);
            statement.Bind(3, payload);
            statement.BindUtc(4, at);
            if (expected is not null)
            {
                statement.Bind(5, long.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
            }
            if (statement.Run() == 0)
            {
                throw new InconsistentStateException($"State '{stateName}' of {key} changed since it was read.", expected ?? "none", "unknown");
            }
            return expected is null ? 1 : long.Parse(expected, System.Globalization.CultureInfo.InvariantCulture) + 1;
        });
        grainState.ETag = etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } expected)
        {
            var key = grainId.ToString();
            await writer.Enqueue(context =>
            {
                var command = context.Command(DeleteSql);
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$etag", long.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
                return command.ExecuteNonQuery();
            });
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
