using Switchboard.Domain.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>
/// The read model's tables and statements, in the SQL that SQLite and PostgreSQL share (named parameters,
/// <c>ON CONFLICT</c> upserts, integer milliseconds for times), so one store serves both modes.
/// </summary>
public static class ReportSql
{
    public static readonly string[] Counts =
    [
        "offered", "answered", "missed", "invited", "first_response_ms", "waited", "wait_ms", "handled", "handle_ms",
        "rated", "rating_sum", "satisfied", "dissatisfied", "converted",
    ];

    /// <summary>The histogram columns: first response (fr_), wait (wt_), abandon (ab_), one per <see cref="DurationBins"/> bin.</summary>
    public static readonly string[] Bins =
        [.. new[] { "fr", "wt", "ab" }.SelectMany(prefix => Enumerable.Range(0, DurationBins.Count).Select(i => $"{prefix}_{i}"))];

    public static IEnumerable<string> Figures => Counts.Concat(Bins);

    /// <summary>Chats and orders looked up by customer as well as by visitor: made after <see cref="Tables"/> has the customer column.</summary>
    public const string CustomerIndexes = """
        CREATE INDEX IF NOT EXISTS report_chats_customer ON report_chats (site, customer, started_ms);
        CREATE INDEX IF NOT EXISTS report_orders_customer ON report_orders (site, customer, at_ms);
        """;

    /// <summary>The chat's customer, added to a <c>report_chats</c> made before it had one (SQLite has no <c>IF NOT EXISTS</c> here: it looks first).</summary>
    public const string CustomerColumn = "ALTER TABLE report_chats ADD COLUMN customer TEXT NOT NULL DEFAULT ''";

    public const string HasCustomerColumn = "SELECT count(*) FROM pragma_table_info('report_chats') WHERE name = 'customer'";

    /// <summary>PostgreSQL's schema step 4: the customer column on tables step 2 made, and its indexes.</summary>
    public const string CustomerStep = $"ALTER TABLE report_chats ADD COLUMN IF NOT EXISTS customer TEXT NOT NULL DEFAULT '';\n{CustomerIndexes}";

    public static readonly string Tables = $"""
        CREATE TABLE IF NOT EXISTS report_checkpoint (
            id INTEGER PRIMARY KEY, commit_position BIGINT NOT NULL, index_position BIGINT NOT NULL);
        INSERT INTO report_checkpoint (id, commit_position, index_position) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING;
        CREATE TABLE IF NOT EXISTS report_chats (
            conversation TEXT PRIMARY KEY, site TEXT NOT NULL, started_ms BIGINT NULL, queue TEXT NOT NULL, channel TEXT NOT NULL,
            visitor TEXT NOT NULL, invited INTEGER NOT NULL, assigned_ms BIGINT NULL, operator TEXT NOT NULL, answered_ms BIGINT NULL,
            closed_ms BIGINT NULL, tags TEXT NOT NULL, score INTEGER NULL, converted INTEGER NOT NULL, customer TEXT NOT NULL DEFAULT '');
        CREATE INDEX IF NOT EXISTS report_chats_visitor ON report_chats (site, visitor, started_ms);
        CREATE TABLE IF NOT EXISTS report_orders (
            site TEXT NOT NULL, order_id TEXT NOT NULL, visitor TEXT NULL, customer TEXT NULL, at_ms BIGINT NOT NULL, amount TEXT NULL,
            PRIMARY KEY (site, order_id));
        CREATE INDEX IF NOT EXISTS report_orders_visitor ON report_orders (site, visitor, at_ms);
        CREATE TABLE IF NOT EXISTS report_buckets (
            site TEXT NOT NULL, hour BIGINT NOT NULL, queue TEXT NOT NULL, operator TEXT NOT NULL, channel TEXT NOT NULL, tag TEXT NOT NULL,
            {string.Join(", ", Figures.Select(column => $"{column} BIGINT NOT NULL"))},
            PRIMARY KEY (site, hour, queue, operator, channel, tag));
        """;

    /// <summary>
    /// The daily roll-up (<see cref="DailyRollup"/>): <c>report_days</c> has the buckets' columns, <c>hour</c> being the
    /// UTC hour a local day starts in, and <c>report_day_zones</c> the zone each site's day rows are in.
    /// </summary>
    public static readonly string DayTables = $"""
        CREATE TABLE IF NOT EXISTS report_days (
            site TEXT NOT NULL, hour BIGINT NOT NULL, queue TEXT NOT NULL, operator TEXT NOT NULL, channel TEXT NOT NULL, tag TEXT NOT NULL,
            {string.Join(", ", Figures.Select(column => $"{column} BIGINT NOT NULL"))},
            PRIMARY KEY (site, hour, queue, operator, channel, tag));
        CREATE TABLE IF NOT EXISTS report_day_zones (site TEXT PRIMARY KEY, zone TEXT NOT NULL);
        """;

    public const string ReadDayZone = "SELECT zone FROM report_day_zones WHERE site = @site";

    public const string WriteDayZone = """
        INSERT INTO report_day_zones (site, zone) VALUES (@site, @zone) ON CONFLICT (site) DO UPDATE SET zone = excluded.zone
        """;

    public const string DeleteDays = "DELETE FROM report_days WHERE site = @site";

    public static readonly string ReadSiteBuckets =
        $"SELECT hour, queue, operator, channel, tag, {string.Join(", ", Figures)} FROM report_buckets WHERE site = @site";

    /// <summary>Taken first in every write transaction: it serializes the projector and order intake on every node.</summary>
    public const string LockCheckpoint = "UPDATE report_checkpoint SET id = 1 WHERE id = 1";

    public const string ReadCheckpoint = "SELECT commit_position, index_position FROM report_checkpoint WHERE id = 1";

    public const string MoveCheckpoint = "UPDATE report_checkpoint SET commit_position = @commit, index_position = @index WHERE id = 1";

    public const string ChatColumns =
        "conversation, site, started_ms, queue, channel, visitor, invited, assigned_ms, operator, answered_ms, closed_ms, tags, score, converted, customer";

    /// <summary>The stored facts of <paramref name="count"/> conversations, <c>@c0</c>… (one read per batch, not per event).</summary>
    public static string ReadChats(int count) =>
        $"SELECT {ChatColumns} FROM report_chats WHERE conversation IN ({Names("c", count)})";

    public const string WriteChat = $"""
        INSERT INTO report_chats ({ChatColumns})
        VALUES (@conversation, @site, @started_ms, @queue, @channel, @visitor, @invited, @assigned_ms, @operator, @answered_ms, @closed_ms, @tags, @score, @converted, @customer)
        ON CONFLICT (conversation) DO UPDATE SET started_ms = excluded.started_ms, queue = excluded.queue, channel = excluded.channel,
            visitor = excluded.visitor, invited = excluded.invited, assigned_ms = excluded.assigned_ms, operator = excluded.operator,
            answered_ms = excluded.answered_ms, closed_ms = excluded.closed_ms, tags = excluded.tags, score = excluded.score, converted = excluded.converted,
            customer = excluded.customer
        """;

    /// <summary>
    /// The site's orders of any of <paramref name="visitors"/> visitors (<c>@v0</c>…) or <paramref name="customers"/>
    /// customers (<c>@u0</c>…) between <c>@from</c> and <c>@to</c>: the batch's closed chats look for theirs among them.
    /// </summary>
    public static string OrdersOf(int visitors, int customers) => $"""
        SELECT visitor, customer, at_ms FROM report_orders
         WHERE site = @site AND at_ms >= @from AND at_ms <= @to
           AND (visitor IN ({Names("v", visitors)}){(customers == 0 ? "" : $" OR customer IN ({Names("u", customers)})")})
        """;

    public const string InsertOrder = """
        INSERT INTO report_orders (site, order_id, visitor, customer, at_ms, amount) VALUES (@site, @order, @visitor, @customer, @at, @amount)
        ON CONFLICT (site, order_id) DO NOTHING
        """;

    /// <summary>Closed chats of the order's visitor or customer (either may be null), not yet converted, that started within the window before it.</summary>
    public const string ChatsBeforeOrder = $"""
        SELECT {ChatColumns} FROM report_chats
         WHERE site = @site AND (visitor = @visitor OR customer = @customer) AND started_ms >= @from AND started_ms <= @to AND closed_ms IS NOT NULL AND converted = 0
        """;

    /// <summary>
    /// Adds many rows to <paramref name="table"/> (<c>report_buckets</c> or <c>report_days</c>) in one statement: each of
    /// <paramref name="rows"/> is a <c>VALUES</c> tuple of the key and the figures. The figures are integer literals, not
    /// parameters: binding 98 named parameters per row cost more than the upsert itself.
    /// </summary>
    public static string AddRows(string table, IEnumerable<string> rows) => $"""
        INSERT INTO {table} (site, hour, queue, operator, channel, tag, {string.Join(", ", Figures)})
        VALUES {string.Join(",\n", rows)}
        ON CONFLICT (site, hour, queue, operator, channel, tag) DO UPDATE SET
            {string.Join(", ", Figures.Select(column => $"{column} = {table}.{column} + excluded.{column}"))}
        """;

    /// <summary>
    /// Erasure: the ids of the site's chats that are the customer's (<c>@customer</c>), of their visitors (<c>@v0</c>…)
    /// or among their conversations (<c>@c0</c>…) are blanked. The chat's row stays, with its figures and whether it
    /// converted, so no report total changes; only the link to the person goes.
    /// </summary>
    public static string ForgetChats(int visitors, int conversations) => $"""
        UPDATE report_chats SET visitor = '', customer = ''
         WHERE site = @site AND (customer = @customer{In("visitor", "v", visitors)}{In("conversation", "c", conversations)})
        """;

    /// <summary>Erasure: the customer's and their visitors' orders keep their id, time and amount (an order reported again stays counted once), not who placed them.</summary>
    public static string ForgetOrders(int visitors) => $"""
        UPDATE report_orders SET visitor = NULL, customer = NULL
         WHERE site = @site AND (customer = @customer{In("visitor", "v", visitors)})
        """;

    public const string Reset = """
        DELETE FROM report_buckets;
        DELETE FROM report_days;
        DELETE FROM report_day_zones;
        DELETE FROM report_chats;
        UPDATE report_checkpoint SET commit_position = 0, index_position = 0 WHERE id = 1;
        """;

    private static string In(string column, string prefix, int count) => count == 0 ? "" : $" OR {column} IN ({Names(prefix, count)})";

    private static string Names(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{prefix}{i}"));
}
