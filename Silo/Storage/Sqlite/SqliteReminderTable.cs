using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Silo.Storage.Sqlite;

/// <summary>Orleans reminders in the standalone SQLite file, so deadlines that must survive a restart do.</summary>
public sealed class SqliteReminderTable(SqliteDatabase database, SqliteWriter writer) : IReminderTable
{
    private const string Columns = "grain_key, reminder_name, start_at, period_ms, etag";

    private const string UpsertSql = """
        INSERT INTO reminders (grain_key, reminder_name, grain_hash, start_at, period_ms, etag)
        VALUES ($key, $name, $hash, $start, $period, 1)
        ON CONFLICT (grain_key, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = reminders.etag + 1
        RETURNING etag
        """;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Read($"SELECT {Columns} FROM reminders WHERE grain_key = $key", ("$key", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? Read($"SELECT {Columns} FROM reminders WHERE grain_hash > $begin AND grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : Read($"SELECT {Columns} FROM reminders WHERE grain_hash > $begin OR grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Read($"SELECT {Columns} FROM reminders WHERE grain_key = $key AND reminder_name = $name",
            ("$key", grainId.ToString()), ("$name", reminderName));
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = await writer.Enqueue(context =>
        {
            var command = context.Command(UpsertSql);
            command.Parameters.AddWithValue("$key", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
            return (long)command.ExecuteScalar()!;
        });
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => writer.Enqueue(context =>
    {
        var command = context.Command("DELETE FROM reminders WHERE grain_key = $key AND reminder_name = $name AND etag = $etag");
        command.Parameters.AddWithValue("$key", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$etag", long.Parse(eTag, CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery() > 0;
    });

    public Task TestOnlyClearTable() => writer.Enqueue(context => context.Command("DELETE FROM reminders").ExecuteNonQuery());

    private async Task<ReminderTableData> Read(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Readers.Rent();
        var command = connection.Command(sql, parameters.Select(p => p.Name).ToArray());
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value;
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
