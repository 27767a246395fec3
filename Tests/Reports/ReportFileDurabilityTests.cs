using System.Data.Common;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Reports;

/// <summary>
/// The standalone read model's file holds what the log cannot give again (the retailer's orders, the operators' time,
/// an erasure's blanking) beside the projector's folds, which it can: only the folds skip the sync at commit.
/// </summary>
public sealed class ReportFileDurabilityTests
{
    private const long Full = 2;
    private const long Normal = 1;

    [Fact]
    public async Task What_cannot_be_folded_again_commits_synced_and_the_projectors_folds_do_not()
    {
        using var data = new TempDirectory();
        var database = new SqliteReportDatabase(new StorageOptions { DataDirectory = data.Path });

        await using var durable = await database.OpenAsync(CancellationToken.None);
        await using var folds = await database.OpenForFoldingAsync(CancellationToken.None);

        Assert.Equal(Full, await SynchronousOf(durable));
        Assert.Equal(Normal, await SynchronousOf(folds));
    }

    private static async Task<long> SynchronousOf(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
