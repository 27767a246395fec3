using System.Net;
using System.Net.Http.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;
using static Switchboard.Tests.Campaigns.CampaignCallTests;

namespace Switchboard.Tests.Campaigns;

/// <summary>When a campaign calls: retries with backoff, the attempt limit, the concurrency limit, the do-not-call list, calling hours.</summary>
public sealed class CampaignPacingTests(CampaignGatewayFixture fixture) : IClassFixture<CampaignGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_busy_number_is_tried_again_after_the_retry_delay_and_fails_when_attempts_run_out()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", maxAttempts: 2, retryMinutes: 10));
        await shop.AddContactsAsync(id, new[] { new { phone = "+79001230001", data = new { quote = "Q-1" } } });

        await shop.LifecycleAsync(id, "start");
        var first = (await shop.NextOriginateAsync()).Str("callId");
        await shop.Pbx.SendAsync(first, "call.ended", new { reason = "busy" });
        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        await shop.TickAsync(id);
        await shop.NoOriginateAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await shop.TickAsync(id);
        var second = (await shop.NextOriginateAsync()).Str("callId");
        await shop.Pbx.SendAsync(second, "call.ended", new { reason = "no_answer" });
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await shop.TickAsync(id);
        await shop.NoOriginateAsync();

        Assert.EndsWith("-0-2", second);
        var progress = await shop.ProgressAsync(id);
        Assert.Equal("done", progress.Str("status"));
        Assert.Equal((1, 0, 0), Counts(progress, "failed", "remaining", "answered"));
    }

    [Fact]
    public async Task Never_more_calls_at_once_than_the_concurrency_and_a_freed_line_is_used_at_once()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", concurrency: 2, maxAttempts: 1));
        await shop.AddContactsAsync(id, Enumerable.Range(1, 5).Select(i => new { phone = $"+7900123100{i}", data = new { quote = $"Q-{i}" } }).ToArray());

        await shop.LifecycleAsync(id, "start");
        var first = (await shop.NextOriginateAsync()).Str("callId");
        await shop.NextOriginateAsync();
        await shop.TickAsync(id);
        await shop.NoOriginateAsync();
        var busy = await shop.ProgressAsync(id);
        await shop.Pbx.SendAsync(first, "call.ended", new { reason = "no_answer" });
        await shop.NextOriginateAsync();

        Assert.Equal((2, 3, 5), Counts(busy, "calling", "queued", "remaining"));
        Assert.Equal((2, 2, 1), Counts(await shop.ProgressAsync(id), "calling", "queued", "failed"));
    }

    [Fact]
    public async Task A_number_on_the_do_not_call_list_is_never_dialled_even_when_listed_between_attempts()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        const string listed = "+79001232001", later = "+79001232002";
        using (var response = await shop.SendAsync(HttpMethod.Post, "/do-not-call", JsonContent.Create(new { phones = new[] { "+7 900 123-20-01" } })))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", maxAttempts: 3, retryMinutes: 5));
        await shop.AddContactsAsync(id, new[] { new { phone = listed, data = new { quote = "Q-1" } }, new { phone = later, data = new { quote = "Q-2" } } });

        await shop.LifecycleAsync(id, "start");
        var call = await shop.NextOriginateAsync();
        await shop.NoOriginateAsync();
        await shop.Pbx.SendAsync(call.Str("callId"), "call.ended", new { reason = "busy" });
        using (var response = await shop.SendAsync(HttpMethod.Post, "/do-not-call", JsonContent.Create(new { phones = new[] { later } })))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await shop.TickAsync(id);
        await shop.NoOriginateAsync();

        Assert.Equal(later, call.Str("to"));
        Assert.Equal((2, 0, 0), Counts(await shop.ProgressAsync(id), "failed", "remaining", "calling"));
        var csv = await (await shop.SendAsync(HttpMethod.Get, $"/campaigns/{id}/results.csv")).Content.ReadAsStringAsync();
        Assert.Contains(csv.Split('\n'), line => line.Contains(listed) && line.TrimEnd('\r').EndsWith(",do_not_call"));
    }

    [Fact]
    public async Task Calling_hours_are_kept_in_each_customers_time_zone()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        // A three-hour window around the hour it is now in London; in Vladivostok (ten hours ahead) it is closed now.
        var london = TimeZoneInfo.ConvertTime(fixture.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var from = new TimeOnly(london.Hour, 0).AddHours(-1);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", maxAttempts: 1, extra: new
        {
            callingHours = new { from = from.ToString("HH:mm"), to = from.AddHours(3).ToString("HH:mm"), timeZone = "Europe/London" },
        }));
        await shop.AddContactsAsync(id, new object[]
        {
            new { phone = "+79001233001", timeZone = "Asia/Vladivostok", data = new { quote = "Q-far" } },
            new { phone = "+442079460958", data = new { quote = "Q-near" } },
        });

        await shop.LifecycleAsync(id, "start");
        var near = await shop.NextOriginateAsync();
        await shop.NoOriginateAsync();
        await shop.Pbx.SendAsync(near.Str("callId"), "call.ended", new { reason = "no_answer" });
        fixture.Clock.Advance(TimeSpan.FromHours(13));
        await shop.TickAsync(id);
        var far = await shop.NextOriginateAsync();

        Assert.Equal("+442079460958", near.Str("to"));
        Assert.Equal("+79001233001", far.Str("to"));
    }

    [Fact]
    public async Task A_paused_campaign_calls_nobody_until_resumed_and_a_stopped_one_never_again()
    {
        await using var shop = await CampaignSite.StartAsync(Host);
        var id = await shop.CreateAsync(CampaignSite.Definition("quote_reminder", concurrency: 1, maxAttempts: 1));
        await shop.AddContactsAsync(id, Enumerable.Range(1, 3).Select(i => new { phone = $"+7900123400{i}", data = new { quote = $"Q-{i}" } }).ToArray());

        await shop.LifecycleAsync(id, "start");
        var first = (await shop.NextOriginateAsync()).Str("callId");
        var paused = await shop.LifecycleAsync(id, "pause");
        await shop.Pbx.SendAsync(first, "call.ended", new { reason = "no_answer" });
        await shop.TickAsync(id);
        await shop.NoOriginateAsync();
        await shop.LifecycleAsync(id, "resume");
        var second = (await shop.NextOriginateAsync()).Str("callId");
        var stopped = await shop.LifecycleAsync(id, "stop");
        await shop.Pbx.SendAsync(second, "call.ended", new { reason = "no_answer" });
        await shop.TickAsync(id);
        await shop.NoOriginateAsync();
        using var resume = await shop.SendAsync(HttpMethod.Post, $"/campaigns/{id}/resume");

        Assert.Equal(("paused", "stopped"), (paused.Str("status"), stopped.Str("status")));
        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Equal((2, 1), (Counts(await shop.ProgressAsync(id), "failed").Item1, Counts(await shop.ProgressAsync(id), "queued").Item1));
    }
}
