namespace Switchboard.Silo.Storage.Postgres;

/// <summary>The audit of erasures: who asked to erase whom, when, and what went. It holds no personal data beyond the customer id asked for.</summary>
public static class ErasureSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS erasures (
            site          text        NOT NULL,
            subject       text        NOT NULL,
            requested_by  text        NOT NULL,
            at            timestamptz NOT NULL,
            conversations integer     NOT NULL,
            attachments   integer     NOT NULL
        );
        CREATE INDEX IF NOT EXISTS erasures_site_at ON erasures (site, at);
        """;

    public const string Insert = "INSERT INTO erasures (site, subject, requested_by, at, conversations, attachments) VALUES ($1, $2, $3, $4, $5, $6)";
    public const string List = "SELECT subject, requested_by, at, conversations, attachments FROM erasures WHERE site = $1 ORDER BY at DESC LIMIT $2";

    /// <summary>Conversations of a site whose latest event is older than the cutoff (retention).</summary>
    public const string Expired = """
        SELECT conversation FROM conversation_events WHERE site = $1
         GROUP BY conversation HAVING max(at) < $2 LIMIT $3
        """;

    public const string Sites = "SELECT DISTINCT site FROM conversation_events";

    public const string DeleteConversation = "DELETE FROM conversation_events WHERE conversation = $1";
}
