using System.Globalization;
using Switchboard.LoadTests.Product;

namespace Switchboard.Tests.LoadTests;

/// <summary>The bench's line on the gateway's garbage collections over a part, from two real-shaped scrapes.</summary>
public sealed class GcReadingTests
{
    [Fact]
    public void Two_readings_say_how_many_collections_of_each_generation_paused_the_server_and_for_how_long()
    {
        var before = GcReading.From(Scrape(gen0: 3, gen1: 0, gen2: 10, pause: 0.043134))!;
        var after = GcReading.From(Scrape(gen0: 11, gen1: 1, gen2: 10, pause: 0.223134))!;

        var line = after.Since(before, TimeSpan.FromSeconds(30));

        Assert.Equal("9 garbage collections (gen0 8, gen1 1, gen2 0) paused it 180 ms in 30 s (0.6 %), 20.0 ms a collection", line);
    }

    [Fact]
    public void A_server_without_the_runtimes_figures_has_no_reading() =>
        Assert.Null(GcReading.From("switchboard_sockets{audience=\"visitor\"} 1\n"));

    private static string Scrape(int gen0, int gen1, int gen2, double pause) => $$"""
        # TYPE dotnet_gc_collections_total counter
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} {{gen2}}
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} {{gen1}}
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} {{gen0}}
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} {{pause.ToString(CultureInfo.InvariantCulture)}}
        """;
}
