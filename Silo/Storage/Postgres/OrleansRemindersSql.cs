namespace Switchboard.Silo.Storage.Postgres;

/// <summary>
/// The table and the seven named queries Microsoft.Orleans.Reminders.AdoNet calls, written for PostgreSQL
/// from the provider's contract: parameters <c>@ServiceId</c>, <c>@GrainId</c>, <c>@ReminderName</c>,
/// <c>@StartTime</c> (UTC), <c>@Period</c> (milliseconds), <c>@GrainHash</c>, <c>@BeginHash</c>,
/// <c>@EndHash</c> (hashes as signed 32-bit integers) and <c>@Version</c>; rows carry <c>GrainId</c>,
/// <c>ReminderName</c>, <c>StartTime</c>, <c>Period</c> and <c>Version</c>.
/// </summary>
public static class OrleansRemindersSql
{
    public const string Table = """
        CREATE TABLE IF NOT EXISTS OrleansRemindersTable (
            ServiceId    text        NOT NULL,
            GrainId      text        NOT NULL,
            ReminderName text        NOT NULL,
            StartTime    timestamptz NOT NULL,
            Period       bigint      NOT NULL,
            GrainHash    integer     NOT NULL,
            Version      integer     NOT NULL,
            PRIMARY KEY (ServiceId, GrainId, ReminderName)
        );
        CREATE INDEX IF NOT EXISTS OrleansRemindersTable_Hash ON OrleansRemindersTable (ServiceId, GrainHash);
        """;

    private const string Columns = "GrainId, ReminderName, StartTime, Period, Version";

    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        ["ReadReminderRowsKey"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable WHERE ServiceId = @ServiceId AND GrainId = @GrainId
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
             WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
            """,
        // A silo owns the ring range (BeginHash, EndHash]; the provider picks this query when the range does not wrap.
        ["ReadRangeRows1Key"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
             WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
            """,
        // ...and this one when it wraps past the top of the ring.
        ["ReadRangeRows2Key"] = $"""
            SELECT {Columns} FROM OrleansRemindersTable
             WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
               SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash,
                   Version = OrleansRemindersTable.Version + 1
            RETURNING Version
            """,
        // One boolean column: whether the row with that version was there to delete.
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM OrleansRemindersTable
                 WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
                RETURNING 1
            )
            SELECT EXISTS (SELECT 1 FROM deleted)
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
            """,
    };
}
