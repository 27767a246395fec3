using Microsoft.Data.Sqlite;
using Switchboard.Contracts.Operators;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Reports;

/// <summary>
/// The operators' time store on the standalone read model's SQLite file: appends from many operators that queue up
/// while a transaction is written go in together in the next one, each stored once however often it is sent.
/// </summary>
public sealed class OperatorTimeStoreTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Appends_that_queue_up_behind_a_held_write_lock_go_in_together_and_a_change_sent_twice_counts_once()
    {
        using var data = new TempDirectory();
        var database = new SqliteReportDatabase(new StorageOptions { DataDirectory = data.Path });
        await using var store = new SqlOperatorTimeStore(database);
        var appends = new List<Task>();
        await using (var holder = (SqliteConnection)await database.OpenAsync(CancellationToken.None))
        {
            // The projector holding the file's write lock for a batch, as it does under load.
            await using var held = await database.BeginWriteAsync(holder, CancellationToken.None);
            for (var i = 0; i < 40; i++)
            {
                appends.Add(store.AppendAsync("shop", $"op{i}", [Change(1, 0, OperatorStatus.Online), Change(2, 5, OperatorStatus.Away)]));
            }
            appends.Add(store.AppendAsync("shop", "op7", [Change(2, 5, OperatorStatus.Away)]));
            await held.CommitAsync();
        }
        await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await store.ReadAsync("shop", Morning, Morning.AddHours(1), login: null);

        Assert.InRange(store.Transactions, 1, 2);
        Assert.Equal(40, stored.Count);
        Assert.All(stored.Values, changes => Assert.Equal(
            [(1L, OperatorStatus.Online), (2L, OperatorStatus.Away)], changes.Select(change => (change.Seq, change.Status))));
    }

    [Fact]
    public async Task An_append_after_the_store_is_disposed_is_refused_and_one_before_it_is_stored()
    {
        using var data = new TempDirectory();
        var database = new SqliteReportDatabase(new StorageOptions { DataDirectory = data.Path });
        var store = new SqlOperatorTimeStore(database);
        var before = store.AppendAsync("shop", "anna", [Change(1, 0, OperatorStatus.Online)]);

        await store.DisposeAsync();

        await before.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync("shop", "anna", [Change(2, 1, OperatorStatus.Away)]));
        var stored = await store.ReadAsync("shop", Morning, Morning.AddHours(1), "anna");
        Assert.Equal([1L], stored["anna"].Select(change => change.Seq));
    }

    private static OperatorStatusChange Change(long seq, int minutes, string status) =>
        new(seq, Morning.AddMinutes(minutes), status, Chats: 0, Full: false);
}
