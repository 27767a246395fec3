using System.Net;
using Switchboard.Contracts;
using Switchboard.Contracts.Queues;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>What a broken or hostile PBX sends changes nothing, answers clearly, and leaves a log line.</summary>
public sealed class PhoneBadInputTests(PhoneGatewayFixture fixture) : IClassFixture<PhoneGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_bad_or_missing_signature_is_403_and_starts_no_call()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);
        var offer = pbx.Event("c-bad", "call.offered");

        using var wrongSecret = await new FakePbx(Host, site, "not-the-secret").PostAsync(offer, null);
        using var garbled = await pbx.PostAsync(offer, "sha256=00");
        using var tampered = await pbx.PostAsync(offer.Replace("\"c-bad\"", "\"c-evil\""), FakePbx.Sign(offer));
        var later = await pbx.SendAsync("c-bad", "input.dtmf", new { digits = "2" });

        Assert.Equal(HttpStatusCode.Forbidden, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, garbled.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Empty(later);
        Assert.Empty((await Queue(site).GetSnapshot()).Waiting);
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("bad signature") && e.Contains(site));
    }

    [Fact]
    public async Task Unknown_calls_unknown_types_and_events_after_the_end_answer_no_commands_with_a_log_line()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);

        var unknownCall = await pbx.SendAsync("c-nobody", "input.dtmf", new { digits = "1" });
        await pbx.SendAsync("c-5", "call.offered");
        var unknownType = await pbx.SendAsync("c-5", "call.teleported");
        await pbx.SendAsync("c-5", "call.ended", new { reason = "completed", durationSeconds = 3 });
        var afterEnd = await pbx.SendAsync("c-5", "input.dtmf", new { digits = "2" });

        Assert.Empty(unknownCall);
        Assert.Empty(unknownType);
        Assert.Empty(afterEnd);
        Assert.Empty((await Queue(site).GetSnapshot()).Waiting);
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("unknown call 'c-nobody'"));
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("unknown event type 'call.teleported'"));
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("'input.dtmf' after the call ended") && e.Contains(site));
    }

    [Fact]
    public async Task Keys_that_are_not_digits_repeat_the_menu_and_three_misses_let_the_caller_go()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);
        await pbx.SendAsync("c-6", "call.offered");

        var letters = await pbx.SendAsync("c-6", "input.dtmf", new { digits = "#a" });
        var silence = await pbx.SendAsync("c-6", "input.timeout");
        var third = await pbx.SendAsync("c-6", "input.dtmf", new { digits = "7" });

        Assert.Equal(["say", "say", "gather"], letters.Select(c => c.Str("type")));
        Assert.StartsWith("Sorry", letters[0].Str("text"));
        Assert.Equal(["say", "gather"], silence.Select(c => c.Str("type")));
        Assert.Equal(["say", "hangup"], third.Select(c => c.Str("type")));
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("DTMF '#a' is not digits"));
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_is_400_with_a_log_line()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 2, ["general"]));
        var pbx = new FakePbx(Host, site);

        using var notJson = await pbx.PostAsync("{not json", null);
        using var noCallId = await pbx.PostAsync("""{"eventId":"e-1","type":"call.offered","from":"+79005556677"}""", null);
        using var slashInId = await pbx.PostAsync("""{"eventId":"e-2","callId":"a/b","type":"call.offered"}""", null);

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noCallId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, slashInId.StatusCode);
        Assert.Contains(fixture.Logs.Entries, e => e.Contains("the body is not JSON") && e.Contains(site));
    }

    private IQueueGrain Queue(string site) => Host.Grains.GetGrain<IQueueGrain>(GrainKeys.Queue(site, "general"));
}
