using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;

namespace Switchboard.Tests.Domain.Reports;

public sealed class ReportRequestTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Without_parameters_a_report_is_the_last_seven_days_by_day()
    {
        var (query, error) = ReportRequest.Parse(new Dictionary<string, string?>(), Today);

        Assert.Null(error);
        Assert.Equal(new DateOnly(2026, 11, 28), query!.From);
        Assert.Equal(Today, query.To);
        Assert.Equal(ReportGranularity.Day, query.Granularity);
        Assert.Empty(query.GroupBy);
    }

    [Theory]
    [InlineData("from=2025-01-01&to=2026-01-02", "at most 366")]
    [InlineData("from=2026-01-01&to=2026-03-01&granularity=hour", "hourly report covers at most 31")]
    [InlineData("groupBy=queue,colour", "Unknown dimension 'colour'")]
    [InlineData("granularity=month", "Unknown granularity 'month'")]
    [InlineData("from=2026-12-04&to=2026-12-01", "'to' is before 'from'")]
    [InlineData("from=yesterday", "yyyy-MM-dd")]
    [InlineData("site=other", "Unknown parameter 'site'")]
    public void Bad_input_is_refused_with_a_reason(string queryString, string reason)
    {
        var (query, error) = ReportRequest.Parse(Parameters(queryString), Today);

        Assert.Null(query);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_whole_year_with_dimensions_and_filters_is_accepted()
    {
        var (query, error) = ReportRequest.Parse(Parameters("from=2026-01-01&to=2026-12-31&granularity=week&groupBy=operator,tag&queue=general"), Today);

        Assert.Null(error);
        Assert.Equal(["operator", "tag"], query!.GroupBy);
        Assert.Equal("general", query.Queue);
        Assert.True(query.ByTag);
    }

    private static Dictionary<string, string?> Parameters(string queryString) =>
        queryString.Split('&').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => (string?)pair[1]);
}
