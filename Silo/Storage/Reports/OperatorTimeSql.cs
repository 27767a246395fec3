namespace Switchboard.Silo.Storage.Reports;

/// <summary>The operators' status changes (<see cref="SqlOperatorTimeStore"/>): a table of their own beside the read model's, in the SQL SQLite and PostgreSQL share.</summary>
public static class OperatorTimeSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS operator_status_changes (
            site TEXT NOT NULL, operator TEXT NOT NULL, seq BIGINT NOT NULL, at_ms BIGINT NOT NULL, status TEXT NOT NULL,
            chats INTEGER NOT NULL, full_capacity INTEGER NOT NULL,
            PRIMARY KEY (site, operator, seq));
        CREATE INDEX IF NOT EXISTS operator_status_changes_at ON operator_status_changes (site, at_ms);
        """;

    public const string Insert = """
        INSERT INTO operator_status_changes (site, operator, seq, at_ms, status, chats, full_capacity)
        VALUES (@site, @operator, @seq, @at, @status, @chats, @full)
        ON CONFLICT (site, operator, seq) DO NOTHING
        """;

    private const string Columns = "operator, seq, at_ms, status, chats, full_capacity";

    /// <summary>Each operator's last change before @from (what they were doing when the range starts), then every change in [@from, @to).</summary>
    public const string Read = $"""
        SELECT {Columns} FROM operator_status_changes s
         WHERE s.site = @site AND (@operator IS NULL OR s.operator = @operator) AND s.at_ms < @from
           AND s.seq = (SELECT max(l.seq) FROM operator_status_changes l WHERE l.site = s.site AND l.operator = s.operator AND l.at_ms < @from)
        UNION ALL
        SELECT {Columns} FROM operator_status_changes s
         WHERE s.site = @site AND (@operator IS NULL OR s.operator = @operator) AND s.at_ms >= @from AND s.at_ms < @to
        ORDER BY 1, 2
        """;
}
