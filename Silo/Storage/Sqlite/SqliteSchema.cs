using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The project's own schema, idempotent: safe to apply at every start.</summary>
public static class SqliteSchema
{
    public const int Version = 2;

    private const string Script = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            etag       INTEGER NOT NULL,
            payload    BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS conversation_events (
            conversation TEXT NOT NULL,
            seq          INTEGER NOT NULL,
            site         TEXT NOT NULL,
            type         TEXT NOT NULL,
            client_id    TEXT NULL,
            at           TEXT NOT NULL,
            payload      TEXT NOT NULL,
            sealed       BLOB NULL,
            PRIMARY KEY (conversation, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS conversation_events_site_at ON conversation_events (site, at);
        CREATE TABLE IF NOT EXISTS reminders (
            grain_key     TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      TEXT NOT NULL,
            period_ms     INTEGER NOT NULL,
            etag          INTEGER NOT NULL,
            PRIMARY KEY (grain_key, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_hash ON reminders (grain_hash);
        CREATE TABLE IF NOT EXISTS erasures (
            site          TEXT NOT NULL,
            subject       TEXT NOT NULL,
            requested_by  TEXT NOT NULL,
            at            TEXT NOT NULL,
            conversations INTEGER NOT NULL,
            attachments   INTEGER NOT NULL
        );
        INSERT INTO schema_version (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_version);
        """;

    public static void Migrate(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Script;
        command.ExecuteNonQuery();
        AddSealedColumn(connection);
    }

    /// <summary>Version 2: an event's personal fields, sealed (EventSealer). Files of version 1 get the column; their rows stay readable.</summary>
    private static void AddSealedColumn(SqliteConnection connection)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT count(*) FROM pragma_table_info('conversation_events') WHERE name = 'sealed'";
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE conversation_events ADD COLUMN sealed BLOB NULL";
            alter.ExecuteNonQuery();
        }
        using var version = connection.CreateCommand();
        version.CommandText = $"UPDATE schema_version SET version = {Version} WHERE version < {Version}";
        version.ExecuteNonQuery();
    }
}
