using System.Text;
using Switchboard.Gateway.Campaigns;

namespace Switchboard.Tests.Campaigns;

/// <summary>The CSV contact reader on its own: what RFC 4180 allows in a cell, which lines are not rows, and a quote left open.</summary>
public sealed class ContactCsvRowsTests
{
    [Fact]
    public async Task Quoted_cells_keep_commas_doubled_quotes_and_line_breaks_and_blank_lines_are_not_rows()
    {
        var rows = await ReadAsync("phone,name,data.note\r\n+79000000001,\"Ivanov, Ivan\",\"says \"\"hi\"\"\r\nand bye\"\r\n\r\n+79000000002,Anna,plain\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("Ivanov, Ivan", rows[0].Json.GetProperty("name").GetString());
        Assert.Equal("says \"hi\"\r\nand bye", rows[0].Json.GetProperty("data").GetProperty("note").GetString());
        Assert.Equal("plain", rows[1].Json.GetProperty("data").GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_record_of_the_wrong_width_is_a_broken_row_and_the_next_is_read()
    {
        var rows = await ReadAsync("phone,name\n+79000000001\n+79000000002,Anna,extra\n+79000000003,Olga\n");

        Assert.Equal(["1 cells where the header has 2", "3 cells where the header has 2", null], rows.Select(r => r.Unreadable));
        Assert.Equal("Olga", rows[2].Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_quote_left_open_stops_the_list_with_a_reason_instead_of_reading_it_all_into_memory()
    {
        var list = new StringBuilder("phone,name\n+79000000001,\"Ivan\n");
        for (var i = 0; i < 10_000; i++)
        {
            list.Append("+7900").Append(i.ToString("D7")).Append(",Anna\n");
        }

        var error = await Assert.ThrowsAsync<FormatException>(() => ReadAsync(list.ToString()));

        Assert.Contains("quote left open", error.Message);
    }

    [Theory]
    [InlineData("", "no header row")]
    [InlineData("\n", "no header row")]
    [InlineData("phone;name\n+79000000001;Ivan\n", "must name a phone column")]
    public async Task A_list_without_a_usable_header_is_refused(string csv, string reason)
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => ReadAsync(csv));

        Assert.Contains(reason, error.Message);
    }

    private static async Task<List<ContactRow>> ReadAsync(string csv)
    {
        var rows = new List<ContactRow>();
        await foreach (var row in ContactCsvRows.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CancellationToken.None))
        {
            rows.Add(row);
        }
        return rows;
    }
}
