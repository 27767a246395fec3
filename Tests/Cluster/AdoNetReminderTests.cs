using Switchboard.Tests.Storage;

namespace Switchboard.Tests.Cluster;

/// <summary>Reminders through Microsoft.Orleans.Reminders.AdoNet on the project's own PostgreSQL schema.</summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class AdoNetReminderTests(DatabaseServers servers)
{
    [Fact]
    public async Task A_reminder_round_trips_and_is_found_by_grain_and_by_its_ring_range() =>
        await ReminderTableContract.AReminderRoundTripsAndIsFoundByGrainAndByItsRingRange(await TableAsync());

    [Fact]
    public async Task An_upsert_moves_the_etag_and_only_the_current_etag_removes_the_row() =>
        await ReminderTableContract.AnUpsertMovesTheEtagAndOnlyTheCurrentEtagRemovesTheRow(await TableAsync());

    private async Task<IReminderTable> TableAsync() => (await servers.ProviderSiloAsync()).Silo.Get<IReminderTable>();
}
