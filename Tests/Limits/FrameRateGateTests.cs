using Microsoft.Extensions.Time.Testing;
using Switchboard.Gateway.Limits;

namespace Switchboard.Tests.Limits;

public sealed class FrameRateGateTests
{
    private readonly FakeTimeProvider _clock = new();

    private static ClientLimits Limits() => new()
    {
        Frames = new(StringComparer.Ordinal) { ["page"] = RateLimit.Of(perMinute: 60, burst: 2) },
        OtherFrames = RateLimit.Of(perMinute: 60, burst: 1),
        RefusedFrames = RateLimit.Of(perMinute: 60, burst: 2),
    };

    [Fact]
    public void Frames_over_their_type_s_rate_are_refused_then_the_socket_is_closed_when_refusals_run_out()
    {
        var gate = new FrameRateGate(Limits(), _clock);

        var verdicts = Enumerable.Range(0, 5).Select(_ => gate.Judge("page")).ToList();

        Assert.Equal([FrameVerdict.Admit, FrameVerdict.Admit, FrameVerdict.Refuse, FrameVerdict.Refuse, FrameVerdict.Close], verdicts);
    }

    [Fact]
    public void An_operators_socket_gets_every_rate_and_the_refusals_multiplied_by_its_factor()
    {
        var gate = new FrameRateGate(Limits(), _clock, factor: 3);

        var verdicts = Enumerable.Range(0, 13).Select(_ => gate.Judge("page")).ToList();

        Assert.Equal(Enumerable.Repeat(FrameVerdict.Admit, 6).Concat(Enumerable.Repeat(FrameVerdict.Refuse, 6)).Append(FrameVerdict.Close), verdicts);
    }

    [Fact]
    public void A_client_that_slows_down_to_its_rate_is_admitted_again()
    {
        var gate = new FrameRateGate(Limits(), _clock);
        Assert.Equal([FrameVerdict.Admit, FrameVerdict.Admit, FrameVerdict.Refuse], Enumerable.Range(0, 3).Select(_ => gate.Judge("page")));

        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(FrameVerdict.Admit, gate.Judge("page"));
        }
    }

    [Fact]
    public void Each_type_has_its_own_rate_and_made_up_types_share_one()
    {
        var gate = new FrameRateGate(Limits(), _clock);
        gate.Judge("page");
        gate.Judge("page");

        Assert.Equal(FrameVerdict.Admit, gate.Judge("typing"));
        Assert.Equal(FrameVerdict.Refuse, gate.Judge("made-up-1"));
    }
}
