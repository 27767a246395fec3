namespace Switchboard.Silo.Storage.Postgres;

/// <summary>
/// The gateways' shared ASP.NET Core Data Protection key ring: one row per key, as the XML the key manager
/// writes. Shared so that a token issued by one gateway is valid on every other.
/// </summary>
public static class KeyRingSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS dataprotection_keys (
            name       text        PRIMARY KEY,
            xml        text        NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    public const string ReadAll = "SELECT xml FROM dataprotection_keys ORDER BY created_at, name";

    // Key names are unique GUIDs; a repeat store of the same key is a no-op rather than an error.
    public const string Store = "INSERT INTO dataprotection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";
}
