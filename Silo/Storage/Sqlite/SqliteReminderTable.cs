using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>Orleans reminders in the standalone SQLite file, so deadlines that must survive a restart do.</summary>
public sealed class SqliteReminderTable(SqliteDatabase database, SqliteWriter writer) : IReminderTable
{
    private const string Columns = "grain_key, reminder_name, start_at, period_ms, etag";

    // Bound by position (SqliteBoundStatement): a chat's deadline reminder is written when it starts and removed when it ends.
    private const string UpsertSql = """
        INSERT INTO reminders (grain_key, reminder_name, grain_hash, start_at, period_ms, etag)
        VALUES (?1, ?2, ?3, ?4, ?5, 1)
        ON CONFLICT (grain_key, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = reminders.etag + 1
        RETURNING etag
        """;

    // Each query's parameter names, for its kept command's first use.
    private static readonly string[] ByGrain = ["$key"];
    private static readonly string[] ByRange = ["$begin", "$end"];
    private static readonly string[] ByName = ["$key", "$name"];

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Read($"SELECT {Columns} FROM reminders WHERE grain_key = $key", ByGrain, grainId.ToString());

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? Read($"SELECT {Columns} FROM reminders WHERE grain_hash > $begin AND grain_hash <= $end", ByRange, (long)begin, (long)end)
        : Read($"SELECT {Columns} FROM reminders WHERE grain_hash > $begin OR grain_hash <= $end", ByRange, (long)begin, (long)end);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Read($"SELECT {Columns} FROM reminders WHERE grain_key = $key AND reminder_name = $name",
            ByName, grainId.ToString(), reminderName);
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = await writer.Enqueue(context =>
        {
            var upsert = context.Bound(UpsertSql);
            upsert.Bind(1, entry.GrainId.ToString());
            upsert.Bind(2, entry.ReminderName);
            upsert.Bind(3, (long)entry.GrainId.GetUniformHashCode());
            upsert.BindUtc(4, new DateTimeOffset(entry.StartAt.ToUniversalTime()));
            upsert.Bind(5, (long)entry.Period.TotalMilliseconds);
            return upsert.RunScalar()!.Value;
        });
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => writer.Enqueue(context =>
    {
        var delete = context.Bound("DELETE FROM reminders WHERE grain_key = ?1 AND reminder_name = ?2 AND etag = ?3");
        delete.Bind(1, grainId.ToString());
        delete.Bind(2, reminderName);
        delete.Bind(3, long.Parse(eTag, CultureInfo.InvariantCulture));
        return delete.Run() > 0;
    });

    public Task TestOnlyClearTable() => writer.Enqueue(context => context.Command("DELETE FROM reminders").ExecuteNonQuery());

    private async Task<ReminderTableData> Read(string sql, string[] names, params object[] values)
    {
        using var connection = database.Readers.Rent();
        var command = connection.Command(sql, names);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }
        return new ReminderTableData(entries);
    }
}
