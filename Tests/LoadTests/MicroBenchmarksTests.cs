using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Cli;
using Switchboard.LoadTests.Micro;

namespace Switchboard.Tests.LoadTests;

/// <summary>
/// The micro-benchmarks measure the real work they name: each is run once here and its result checked, so a
/// benchmark that quietly stopped doing its work (and got fast) fails a test instead of flattering a report.
/// </summary>
public sealed class MicroBenchmarksTests
{
    [Fact]
    public void Frame_parse_reads_the_text_and_refuses_the_cut_frame()
    {
        var benchmarks = new FrameParseBenchmarks();

        Assert.Equal("Hello! Is the blue jacket in stock in size 42?", benchmarks.ParseMessage());
        Assert.Equal("The frame is not valid JSON.", benchmarks.RefuseMalformed());
    }

    [Fact]
    public void Event_frame_is_the_message_event_as_json()
    {
        var benchmarks = new EventFrameBenchmarks();
        var json = benchmarks.MessageEventJson();

        Assert.Equal(json.Length, benchmarks.WriteMessageEvent()); // ASCII: as many bytes as characters

        Assert.StartsWith("{", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"message\"", json, StringComparison.Ordinal);
        Assert.Contains("blue jacket", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Routing_offers_to_every_online_operator_with_room_except_those_who_missed()
    {
        var benchmarks = new RoutingBenchmarks { Operators = 15 };
        benchmarks.Setup();

        // Away every 7th (op0, op7, op14); op1 and op3 missed the chat; load i % 5 of 4 seats, so every op with i % 5 == 4 is full.
        var expected = Enumerable.Range(0, 15).Count(i => i % 7 != 0 && i is not 1 and not 3 && i % 5 < 4);
        Assert.Equal(expected, benchmarks.Candidates());
    }

    [Fact]
    public async Task Append_writes_one_durable_event_to_each_conversation()
    {
        var benchmarks = new EventLogAppendBenchmarks { Conversations = 8 };
        benchmarks.Setup();
        try
        {
            await benchmarks.AppendOneEach();
            await benchmarks.AppendOneEach();

            Assert.Equal(16, await benchmarks.CountStoredEventsAsync());
        }
        finally
        {
            await benchmarks.Cleanup();
        }
    }

    [Fact]
    public async Task Sealing_hides_the_message_text_and_opens_it_again()
    {
        var benchmarks = new EventSealingBenchmarks();
        await benchmarks.Setup();
        try
        {
            var rows = await benchmarks.Seal();
            var stored = benchmarks.StoredRow;

            Assert.Equal(1, rows);
            Assert.NotNull(stored.Sealed);
            Assert.DoesNotContain("blue jacket", stored.Payload, StringComparison.Ordinal);
            Assert.Equal(FrameWorkload.MessageEvent.Text, (await benchmarks.Open()).Text);
            Assert.Equal(benchmarks.SealWithNewCipher().Length, benchmarks.SealWithCachedCipher().Length);
        }
        finally
        {
            await benchmarks.Cleanup();
        }
    }

    [Fact]
    public void Micro_takes_quick_and_a_filter()
    {
        var parse = LoadTestsCommandLine.Build().Parse(["micro", "--quick", "--filter", "*Routing*"]);

        Assert.Empty(parse.Errors);
        Assert.True(parse.GetValue<bool>("--quick"));
        Assert.Equal("*Routing*", parse.GetValue<string>("--filter"));
    }
}
