using Switchboard.Contracts;

namespace Switchboard.Tests.Storage;

/// <summary>What a reminder table must do on both providers: the standalone SQLite file and the cluster's PostgreSQL.</summary>
public static class ReminderTableContract
{
    /// <summary>Orleans refuses reminder periods under a minute.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static async Task AReminderRoundTripsAndIsFoundByGrainAndByItsRingRange(IReminderTable table)
    {
        var grain = NewGrain();
        var start = new DateTime(2026, 11, 23, 9, 0, 0, 123, DateTimeKind.Utc);

        var etag = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "Звонок 📞", StartAt = start, Period = Period });

        var row = await table.ReadRow(grain, "Звонок 📞");
        Assert.NotNull(row);
        Assert.Equal((grain, "Звонок 📞", start, Period, etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Single((await table.ReadRows(grain)).Reminders);
        var hash = grain.GetUniformHashCode();
        Assert.Contains((await table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grain);
        // Ranges that wrap past the top of the ring: (hash, hash - 1] is everything but hash; (hash + 1, hash] holds it.
        Assert.DoesNotContain((await table.ReadRows(hash, hash - 1)).Reminders, r => r.GrainId == grain);
        Assert.Contains((await table.ReadRows(hash + 1, hash)).Reminders, r => r.GrainId == grain);
    }

    public static async Task AnUpsertMovesTheEtagAndOnlyTheCurrentEtagRemovesTheRow(IReminderTable table)
    {
        var grain = NewGrain();
        var first = (await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "daily", StartAt = DateTime.UtcNow, Period = Period }))!;
        var second = (await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "daily", StartAt = DateTime.UtcNow, Period = Period * 60 }))!;
        Assert.NotEqual(first, second);

        Assert.False(await table.RemoveRow(grain, "daily", first));
        Assert.Equal(Period * 60, (await table.ReadRow(grain, "daily"))!.Period);
        Assert.True(await table.RemoveRow(grain, "daily", second));
        Assert.Null(await table.ReadRow(grain, "daily"));
    }

    private static GrainId NewGrain() => GrainId.Create("campaign", GrainKeys.Queue("reminders", GrainKeys.NewId()));
}
