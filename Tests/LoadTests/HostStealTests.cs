using Switchboard.LoadTests.Monitoring;

namespace Switchboard.Tests.LoadTests;

/// <summary>The bench's line on the CPU the host took from the machine over a part, from two real-shaped /proc/stat texts.</summary>
public sealed class HostStealTests
{
    [Fact]
    public void Two_readings_say_how_much_cpu_the_host_took_and_what_share_of_the_cores_it_was()
    {
        var before = HostSteal.From(ProcStat(steal: 1_000))!;
        var after = HostSteal.From(ProcStat(steal: 1_390))!;

        var line = after.Since(before, TimeSpan.FromSeconds(10), cores: 2);

        Assert.Equal("the host took 3.90 s of CPU from this machine (steal time) in 10 s, 19.5 % of its 2 cores", line);
    }

    [Fact]
    public void A_stat_without_the_steal_column_has_no_reading()
    {
        Assert.Null(HostSteal.From("cpu  2255 34 2290 22625563 6290 127 456\n"));
        Assert.Null(HostSteal.From("intr 114930548 113199788 3 0 5 263\n"));
    }

    private static string ProcStat(long steal) => $"""
        cpu  1183920 1306 262339 11563214 7069 0 21946 {steal} 0 0
        cpu0 593066 639 131456 5780003 3475 0 16224 {steal / 2} 0 0
        cpu1 590854 667 130883 5783211 3594 0 5722 {steal - steal / 2} 0 0
        intr 114930548 113199788 3 0 5 263
        ctxt 2198263848
        """;
}
