using Switchboard.Contracts;

namespace Switchboard.Tests.Cluster;

/// <summary>Reminders through Microsoft.Orleans.Reminders.AdoNet on the project's own PostgreSQL schema.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class AdoNetReminderTests(DatabaseServers servers)
{
    /// <summary>Orleans refuses reminder periods under a minute.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_reminder_round_trips_and_is_found_by_grain_and_by_its_ring_range()
    {
        var table = (await servers.ProviderSiloAsync()).Silo.Get<IReminderTable>();
        var grain = GrainId.Create("campaign", GrainKeys.Queue("reminders", GrainKeys.NewId()));
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

    [Fact]
    public async Task An_upsert_moves_the_etag_and_only_the_current_etag_removes_the_row()
    {
        var table = (await servers.ProviderSiloAsync()).Silo.Get<IReminderTable>();
        var grain = GrainId.Create("campaign", GrainKeys.Queue("reminders", GrainKeys.NewId()));
        var first = (await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "daily", StartAt = DateTime.UtcNow, Period = Period }))!;
        var second = (await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "daily", StartAt = DateTime.UtcNow, Period = Period * 60 }))!;
        Assert.NotEqual(first, second);

        Assert.False(await table.RemoveRow(grain, "daily", first));
        Assert.Equal(Period * 60, (await table.ReadRow(grain, "daily"))!.Period);
        Assert.True(await table.RemoveRow(grain, "daily", second));
        Assert.Null(await table.ReadRow(grain, "daily"));
    }
}
