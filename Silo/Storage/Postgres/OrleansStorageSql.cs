namespace Switchboard.Silo.Storage.Postgres;

/// <summary>
/// The table and the four named queries Microsoft.Orleans.Persistence.AdoNet calls, written for PostgreSQL
/// from the provider's contract: it passes <c>@GrainIdHash</c>, <c>@GrainIdN0</c>, <c>@GrainIdN1</c>,
/// <c>@GrainTypeHash</c>, <c>@GrainTypeString</c> (the state name), <c>@GrainIdExtensionString</c> (the string
/// key), <c>@ServiceId</c>, <c>@GrainStateVersion</c> (the etag, null before the first write) and
/// <c>@PayloadBinary</c>; it reads <c>PayloadBinary</c> and <c>Version</c>, and takes a write or clear as
/// successful only when it returns a new version (no row means "someone else wrote first").
/// </summary>
public static class OrleansStorageSql
{
    // A row is found by service, state name and the whole key; the hashes are kept because the provider
    // sends them, but never trusted for identity. COALESCE lets string keys (extension set, N0 = N1 = 0)
    // and numeric keys (extension null) share one plain, indexable unique key.
    public const string Table = """
        CREATE TABLE IF NOT EXISTS OrleansStorage (
            GrainIdHash            integer     NOT NULL,
            GrainIdN0              bigint      NOT NULL,
            GrainIdN1              bigint      NOT NULL,
            GrainTypeHash          integer     NOT NULL,
            GrainTypeString        text        NOT NULL,
            GrainIdExtensionString text        NULL,
            ServiceId              text        NOT NULL,
            PayloadBinary          bytea       NULL,
            ModifiedOn             timestamptz NOT NULL,
            Version                integer     NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Key
            ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, (COALESCE(GrainIdExtensionString, '')));
        """;

    private const string RowFilter = """
        ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
        """;

    public const string ReadFromStorage = $"""
        SELECT PayloadBinary, Version FROM OrleansStorage WHERE {RowFilter}
        """;

    // Without an etag only a first insert may succeed; with one, only an update of exactly that version.
    public const string WriteToStorage = $"""
        WITH updated AS (
            UPDATE OrleansStorage
               SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
             WHERE @GrainStateVersion IS NOT NULL AND {RowFilter} AND Version = @GrainStateVersion
            RETURNING Version
        ), inserted AS (
            INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                        GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
            SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                   @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
             WHERE @GrainStateVersion IS NULL
            ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, (COALESCE(GrainIdExtensionString, ''))) DO NOTHING
            RETURNING Version
        )
        SELECT Version AS NewGrainStateVersion FROM updated
        UNION ALL
        SELECT Version FROM inserted
        """;

    // Clearing keeps the row (and so the version sequence) with no payload: a stale writer still loses.
    public const string ClearStorage = $"""
        UPDATE OrleansStorage
           SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
         WHERE {RowFilter} AND Version = @GrainStateVersion
        RETURNING Version AS NewGrainStateVersion
        """;

    // Used when DeleteStateOnClear is set. The provider wants a value that differs from the etag it held.
    public const string DeleteStorage = $"""
        DELETE FROM OrleansStorage
         WHERE {RowFilter} AND Version = @GrainStateVersion
        RETURNING Version + 1 AS NewGrainStateVersion
        """;

    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        ["ReadFromStorageKey"] = ReadFromStorage,
        ["WriteToStorageKey"] = WriteToStorage,
        ["ClearStorageKey"] = ClearStorage,
        ["DeleteStorageKey"] = DeleteStorage,
    };
}
