using Switchboard.Contracts;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The standalone product's reminders in its SQLite file (<see cref="SqliteReminderTable"/>), written through the group commit.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    /// <summary>Orleans refuses reminder periods under a minute.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly SqliteEventLogSetup _setup = new();
    private SqliteReminderTable Table => new(_setup.Database, _setup.Writer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task A_reminder_round_trips_and_is_found_by_grain_and_by_its_ring_range()
    {
        var grain = GrainId.Create("conversation", GrainKeys.Conversation("demo", GrainKeys.NewId()));
        var start = new DateTime(2026, 11, 23, 9, 0, 0, 123, DateTimeKind.Utc);

        var etag = await Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "deadline ⏰", StartAt = start, Period = Period });

        var row = await Table.ReadRow(grain, "deadline ⏰");
        Assert.NotNull(row);
        Assert.Equal((grain, "deadline ⏰", start, Period, etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Single((await Table.ReadRows(grain)).Reminders);
        var hash = grain.GetUniformHashCode();
        Assert.Contains((await Table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grain);
        Assert.DoesNotContain((await Table.ReadRows(hash, hash - 1)).Reminders, r => r.GrainId == grain);
    }

    [Fact]
    public async Task An_upsert_moves_the_etag_and_only_the_current_etag_removes_the_row()
    {
        var grain = GrainId.Create("conversation", GrainKeys.Conversation("demo", GrainKeys.NewId()));
        var first = (await Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "deadline", StartAt = DateTime.UtcNow, Period = Period }))!;
        var second = (await Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "deadline", StartAt = DateTime.UtcNow, Period = Period * 60 }))!;
        Assert.NotEqual(first, second);

        Assert.False(await Table.RemoveRow(grain, "deadline", first));
        Assert.Equal(Period * 60, (await Table.ReadRow(grain, "deadline"))!.Period);
        Assert.True(await Table.RemoveRow(grain, "deadline", second));
        Assert.Null(await Table.ReadRow(grain, "deadline"));
    }
}
