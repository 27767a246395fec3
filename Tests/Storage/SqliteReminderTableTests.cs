using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>The standalone product's reminders in its SQLite file (<see cref="SqliteReminderTable"/>), written through the group commit.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private readonly SqliteEventLogSetup _setup = new();

    private SqliteReminderTable Table => new(_setup.Database, _setup.Writer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public Task A_reminder_round_trips_and_is_found_by_grain_and_by_its_ring_range() =>
        ReminderTableContract.AReminderRoundTripsAndIsFoundByGrainAndByItsRingRange(Table);

    [Fact]
    public Task An_upsert_moves_the_etag_and_only_the_current_etag_removes_the_row() =>
        ReminderTableContract.AnUpsertMovesTheEtagAndOnlyTheCurrentEtagRemovesTheRow(Table);
}
