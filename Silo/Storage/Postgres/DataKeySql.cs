namespace Switchboard.Silo.Storage.Postgres;

/// <summary>
/// The data keys (EncryptionKeys), in a table of their own: data backups leave it out
/// (<c>pg_dump --exclude-table-data=data_keys</c>) so a destroyed key is gone from them too (deployment.md, "Backups").
/// </summary>
public static class DataKeySql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS data_keys (
            owner      text        PRIMARY KEY,
            wrapped_by text        NOT NULL,
            sealed     bytea       NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    public const string Find = "SELECT wrapped_by, sealed FROM data_keys WHERE owner = $1";

    // Another node may have added the owner's key at the same moment: the stored one wins, and both use it.
    public const string Add = """
        WITH added AS (INSERT INTO data_keys (owner, wrapped_by, sealed) VALUES ($1, $2, $3) ON CONFLICT (owner) DO NOTHING RETURNING wrapped_by, sealed)
        SELECT wrapped_by, sealed FROM added UNION ALL SELECT wrapped_by, sealed FROM data_keys WHERE owner = $1 LIMIT 1
        """;

    public const string Replace = "UPDATE data_keys SET wrapped_by = $2, sealed = $3 WHERE owner = $1";
    public const string Delete = "DELETE FROM data_keys WHERE owner = $1";
    // Owners of a site run from "{site}/" up to "{site}0" ('0' follows '/'), compared byte by byte whatever the database's collation.
    public const string DataKeysOfSite = """
        SELECT owner, wrapped_by, sealed FROM data_keys
        WHERE owner COLLATE "C" > $1 AND owner COLLATE "C" >= $2 AND owner COLLATE "C" < $3
        ORDER BY owner COLLATE "C" LIMIT $4
        """;
    public const string SiteKeys = "SELECT owner, wrapped_by, sealed FROM data_keys WHERE owner LIKE 'site:%' ORDER BY owner";
}
