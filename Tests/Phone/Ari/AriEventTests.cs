using System.Text;
using Switchboard.Gateway.Channels.Phone.Ari;

namespace Switchboard.Tests.Phone.Ari;

/// <summary>ARI's event JSON as the adapter reads it: the channel each event is about, and an id that a replay repeats.</summary>
public sealed class AriEventTests
{
    [Fact]
    public void A_playback_is_about_the_channel_its_target_uri_names_and_the_same_event_has_the_same_id()
    {
        const string finished = """{"type":"PlaybackFinished","timestamp":"2026-12-04T10:00:01.250+0300","playback":{"id":"pb-1","media_uri":"sound:hello","target_uri":"channel:1733300000.7","state":"done"},"application":"switchboard"}""";

        var evt = AriEvent.Parse(Encoding.UTF8.GetBytes(finished))!;
        var again = AriEvent.Parse(Encoding.UTF8.GetBytes(finished))!;

        Assert.Equal("1733300000.7", evt.ChannelId);
        Assert.Equal("pb-1", evt.PlaybackId);
        Assert.Equal(evt.Id, again.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 7, 0, 1, 250, TimeSpan.Zero), AriChannel.Time(evt.Timestamp));
    }

    [Fact]
    public void Two_presses_of_the_same_key_are_two_events_and_a_hang_up_cause_is_a_reason()
    {
        static AriEvent Dtmf(string at) => AriEvent.Parse(Encoding.UTF8.GetBytes(
            """{"type":"ChannelDtmfReceived","timestamp":"AT","digit":"1","duration_ms":100,"channel":{"id":"1.1","caller":{"number":"+79005556677"},"dialplan":{"exten":"100"}}}""".Replace("AT", at)))!;
        var busy = AriEvent.Parse(Encoding.UTF8.GetBytes("""{"type":"ChannelHangupRequest","timestamp":"2026-12-04T10:00:03.000+0000","cause":17,"channel":{"id":"1.1"}}"""))!;

        Assert.NotEqual(Dtmf("2026-12-04T10:00:01.000+0000").Id, Dtmf("2026-12-04T10:00:02.000+0000").Id);
        Assert.Equal("+79005556677", Dtmf("2026-12-04T10:00:01.000+0000").Channel!.CallerNumber);
        Assert.Equal("busy", busy.Reason);
    }

    [Fact]
    public void What_is_not_an_event_is_null_and_reconnects_pause_longer_up_to_a_limit()
    {
        Assert.Null(AriEvent.Parse(Encoding.UTF8.GetBytes("{not json")));
        Assert.Null(AriEvent.Parse(Encoding.UTF8.GetBytes("""{"channel":{"id":"1.1"}}""")));
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), AriConnection.MaxPause],
            new[] { 0, 1, 2, 3, 40 }.Select(AriConnection.Pause));
    }
}
