using Microsoft.Data.Sqlite;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>The project's own schema, idempotent: safe to apply at every start.</summary>
public static class SqliteSchema
{
    /// <summary>
    /// 1: the tables; 2: the feed's positions (event_log_head); 3: sealed personal fields; 4: the event table kept in
    /// arrival order (<see cref="EventTableScript"/>).
    /// </summary>
    public const int Version = 4;

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

    // Version 4: the events in a rowid table keyed by their feed position, so an append adds to the table's last pages
    // instead of rewriting a random leaf of a (conversation, seq) tree, payloads and all, into the WAL: about half the
    // pages per commit (benchmarks.md, "The tails and the storage under them"). A conversation's events are found
    // through the (conversation, seq) index, which also keeps a seq from being stored twice.
    private const string EventTableScript = """
        CREATE TABLE conversation_events (
            position     INTEGER PRIMARY KEY,
            conversation TEXT NOT NULL,
            seq          INTEGER NOT NULL,
            site         TEXT NOT NULL,
            type         TEXT NOT NULL,
            client_id    TEXT NULL,
            at           TEXT NOT NULL,
            payload      TEXT NOT NULL,
            sealed       BLOB NULL
        );
        CREATE UNIQUE INDEX conversation_events_conversation_seq ON conversation_events (conversation, seq);
        CREATE INDEX conversation_events_site_at ON conversation_events (site, at);
        """;

    // The feed's global order (IEventLogFeed): a position per event. The writer hands them out past the newest row and a
    // one-row head that only grows (SqliteWriteContext.NextEventPosition; a deletion raises the head first), so a
    // position is never handed out twice even when the newest events are deleted. Logs written before it get positions
    // in the order their events happened.
    private const string FeedScript = """
        ALTER TABLE conversation_events ADD COLUMN position INTEGER NULL;
        UPDATE conversation_events SET position = numbered.n
          FROM (SELECT conversation, seq, row_number() OVER (ORDER BY at, conversation, seq) AS n FROM conversation_events) AS numbered
         WHERE conversation_events.conversation = numbered.conversation AND conversation_events.seq = numbered.seq;
        CREATE UNIQUE INDEX conversation_events_position ON conversation_events (position);
        """;

    // The counter never falls behind a stored position (rows loaded by hand, or a file copied back from a backup).
    private const string HeadScript = """
        CREATE TABLE IF NOT EXISTS event_log_head (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
        INSERT INTO event_log_head (id, position) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM event_log_head);
        UPDATE event_log_head SET position = max(position, COALESCE((SELECT max(position) FROM conversation_events), 0));
        """;

    // A version-3 file's events copied into the version-4 table in feed order, every position kept. The renamed table
    // takes its indexes along under their old names, so those go before the new ones are made.
    private const string ArrivalOrderScript = """
        ALTER TABLE conversation_events RENAME TO conversation_events_v3;
        DROP INDEX IF EXISTS conversation_events_site_at;
        DROP INDEX IF EXISTS conversation_events_position;
        """ + EventTableScript + """
        INSERT INTO conversation_events (position, conversation, seq, site, type, client_id, at, payload, sealed)
        SELECT position, conversation, seq, site, type, client_id, at, payload, sealed FROM conversation_events_v3 ORDER BY position;
        DROP TABLE conversation_events_v3;
        """;

    public static void Migrate(SqliteConnection connection)
    {
        using (var script = connection.CreateCommand())
        {
            script.CommandText = Script;
            script.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'conversation_events'";
        if (command.ExecuteScalar() is not string table)
        {
            command.CommandText = EventTableScript;
            command.ExecuteNonQuery();
        }
        else
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_log_head'";
            if ((long)command.ExecuteScalar()! == 0)
            {
                command.CommandText = FeedScript;
                command.ExecuteNonQuery();
            }
            AddSealedColumn(command);
            if (table.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
            {
                command.CommandText = ArrivalOrderScript;
                command.ExecuteNonQuery();
            }
        }
        command.CommandText = HeadScript + $"UPDATE schema_version SET version = {Version} WHERE version < {Version};";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Version 3: an event's personal fields, sealed (EventSealer). Older files get the column; their rows stay readable.</summary>
    private static void AddSealedColumn(SqliteCommand command)
    {
        command.CommandText = "SELECT count(*) FROM pragma_table_info('conversation_events') WHERE name = 'sealed'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            command.CommandText = "ALTER TABLE conversation_events ADD COLUMN sealed BLOB NULL";
            command.ExecuteNonQuery();
        }
    }
}
