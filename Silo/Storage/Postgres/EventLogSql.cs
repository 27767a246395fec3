namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The conversation event log: append-only, unique on (conversation, seq), the source for transcripts and reports.</summary>
public static class EventLogSql
{
    // payload is json, not jsonb: json keeps the text as written, so a message containing U+0000 (which jsonb
    // refuses) is stored like any other, while ->> still works for reports.
    public const string Table = """
        CREATE TABLE IF NOT EXISTS conversation_events (
            conversation text        NOT NULL,
            seq          bigint      NOT NULL,
            site         text        NOT NULL,
            type         text        NOT NULL,
            client_id    text        NULL,
            at           timestamptz NOT NULL,
            payload      json        NOT NULL,
            PRIMARY KEY (conversation, seq)
        );
        CREATE INDEX IF NOT EXISTS conversation_events_site_at ON conversation_events (site, at);
        """;

    /// <summary>Version 3: personal fields sealed per conversation (EventSealer); rows written before keep it null.</summary>
    public const string SealedColumn = "ALTER TABLE conversation_events ADD COLUMN IF NOT EXISTS sealed bytea NULL;";

    // One statement per append whatever its size, so the text is the same every time and stays prepared.
    public const string Append = """
        INSERT INTO conversation_events (conversation, seq, site, type, client_id, at, payload, sealed)
        SELECT $1, e.seq, $2, e.type, e.client_id, e.at, e.payload::json, e.sealed
          FROM unnest($3::bigint[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::bytea[]) AS e (seq, type, client_id, at, payload, sealed)
        """;

    // The feed's global order (IEventLogFeed). Identity values of concurrent transactions commit out of order, so
    // the feed orders by the writing transaction's id and hands out only rows of transactions older than every one
    // still running (the snapshot's xmin): nothing can later appear before a position already handed out.
    public const string Feed = """
        ALTER TABLE conversation_events ADD COLUMN IF NOT EXISTS position bigint GENERATED ALWAYS AS IDENTITY;
        ALTER TABLE conversation_events ADD COLUMN IF NOT EXISTS commit_tx xid8 NOT NULL DEFAULT pg_current_xact_id();
        CREATE INDEX IF NOT EXISTS conversation_events_feed ON conversation_events (commit_tx, position);
        """;

    public const string ReadFeed = """
        SELECT commit_tx::text::bigint, position, conversation, payload::text, sealed FROM conversation_events
         WHERE (commit_tx, position) > ($1::xid8, $2) AND commit_tx < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY commit_tx, position
         LIMIT $3
        """;

    public const string Read = "SELECT payload, sealed FROM conversation_events WHERE conversation = $1 AND seq > $2 ORDER BY seq LIMIT $3";
}
