using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Reports;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Reports;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Reports;

/// <summary>A standalone <c>reports.db</c> written before chats recorded their customer is upgraded in place when opened.</summary>
public sealed class ReportFileUpgradeTests : IDisposable
{
    private const string BeforeCustomers = ", customer TEXT NOT NULL DEFAULT ''";
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task An_older_file_gets_the_customer_column_and_its_chats_still_convert_by_visitor()
    {
        var storage = new StorageOptions { DataDirectory = _data.Path };
        Directory.CreateDirectory(storage.FullDataDirectory);
        var file = Path.Combine(storage.FullDataDirectory, SqliteReportDatabase.FileName);
        Assert.Contains(BeforeCustomers, ReportSql.Tables);
        using (var older = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            older.Open();
            using var schema = older.CreateCommand();
            schema.CommandText = ReportSql.Tables.Replace(BeforeCustomers, "") + $"""
                INSERT INTO report_chats (conversation, site, started_ms, queue, channel, visitor, invited, assigned_ms, operator,
                                          answered_ms, closed_ms, tags, score, converted)
                VALUES ('shop/c:1', 'shop', {Morning.ToUnixTimeMilliseconds()}, 'general', 'web', 'v1', 0, NULL, '', NULL,
                        {Morning.AddMinutes(2).ToUnixTimeMilliseconds()}, '', NULL, 0);
                """;
            schema.ExecuteNonQuery();
        }

        var store = new SqlReportStore(new SqliteReportDatabase(storage), Options.Create(new ReportOptions()));
        Assert.True(await store.RecordOrderAsync("shop", new Order("o-1", "v1", null, Morning.AddHours(1), null)));
        Assert.True(await store.RecordOrderAsync("shop", new Order("o-2", null, "cust-7", Morning.AddHours(1), null)));

        using var upgraded = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        upgraded.Open();
        using var read = upgraded.CreateCommand();
        read.CommandText = "SELECT converted, customer FROM report_chats WHERE conversation = 'shop/c:1'";
        using var row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal((1L, ""), (row.GetInt64(0), row.GetString(1)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
