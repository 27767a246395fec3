using Switchboard.LoadTests.Monitoring;

namespace Switchboard.Tests.LoadTests;

/// <summary>The one reader of the gateway's Prometheus scrape that the bench and the tests share.</summary>
public sealed class PrometheusTextTests
{
    private const string Scrape = """
        # HELP dotnet_jit_compilation_time_seconds_total The time the JIT spent compiling.
        # TYPE dotnet_jit_compilation_time_seconds_total counter
        dotnet_jit_compilation_time_seconds_total_extra 99
        dotnet_jit_compilation_time_seconds_total 1.25 1733400000000
        switchboard_sockets{audience="visitor",otel_scope_name="Switchboard"} 15000
        switchboard_sockets{audience="operator",otel_scope_name="Switchboard"} 40
        switchboard_storage_commit_duration_seconds_count{store="sqlite"} 3e3
        broken{a="b"} not-a-number
        """;

    [Theory]
    [InlineData("dotnet_jit_compilation_time_seconds_total", "", 1.25)]
    [InlineData("switchboard_sockets", "audience=\"operator\"", 40)]
    [InlineData("switchboard_sockets", "", 15000)]
    [InlineData("switchboard_storage_commit_duration_seconds_count", "store=\"sqlite\"", 3000)]
    public void A_sample_is_read_by_its_exact_name_and_a_label_ignoring_a_timestamp(string metric, string label, double expected) =>
        Assert.Equal(expected, PrometheusText.Sample(Scrape, metric, label));

    [Theory]
    [InlineData("switchboard_sockets", "audience=\"supervisor\"")]
    [InlineData("switchboard_socket", "")]
    [InlineData("broken", "")]
    [InlineData("missing", "")]
    public void No_matching_sample_or_a_value_that_is_not_a_number_reads_as_none(string metric, string label) =>
        Assert.Null(PrometheusText.Sample(Scrape, metric, label));
}
