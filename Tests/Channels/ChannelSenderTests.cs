using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Contracts.Channels;
using Switchboard.Silo.Channels;
using Switchboard.Silo.Channels.Telegram;
using Switchboard.Silo.Channels.Vk;
using Switchboard.Silo.Channels.WhatsApp;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

public sealed class ChannelSenderTests
{
    private const string TelegramOk = """{"ok":true,"result":{"message_id":77,"chat":{"id":42,"type":"private"},"date":1733300000,"text":"hi"}}""";

    private readonly TimerWatchingClock _clock = new();

    [Fact]
    public async Task Telegram_sends_text_with_quick_replies_as_an_inline_keyboard()
    {
        await using var telegram = await FakePlatform.StartAsync(_ => TelegramOk);
        var sender = new TelegramSender(Http());

        var outcome = await sender.SendAsync(Telegram(telegram), "42", new PlatformMessage("m1", "Which size?", [ReplyButton.Reply("S"), ReplyButton.Reply("M")]), CancellationToken.None);

        Assert.Equal(new PlatformOutcome(PlatformStatus.Sent, "77"), outcome);
        var request = await telegram.NextRequestAsync(Waits.Signal);
        Assert.Equal("/bot123:abc/sendMessage", request.PathAndQuery);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(("42", "Which size?"), (body.GetProperty("chat_id").GetString(), body.GetProperty("text").GetString()));
        Assert.Equal("M", body.GetProperty("reply_markup").GetProperty("inline_keyboard")[1][0].GetProperty("callback_data").GetString());
    }

    [Fact]
    public async Task Telegram_waits_out_a_429_for_as_long_as_retry_after_says_then_sends()
    {
        await using var telegram = await FakePlatform.StartAsync(_ => TelegramOk);
        telegram.AnswerNext(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 5","parameters":{"retry_after":5}}""");
        var sender = new TelegramSender(Http());

        var sending = sender.SendAsync(Telegram(telegram), "42", new PlatformMessage("m2", "hello"), CancellationToken.None);
        await telegram.NextRequestAsync(Waits.Signal);
        Assert.True(await _clock.TimerCreated.WaitAsync(Waits.Signal), "The sender should start waiting after the 429.");
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(sending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await telegram.NextRequestAsync(Waits.Signal);

        Assert.Equal(PlatformStatus.Sent, (await sending.WaitAsync(Waits.Signal)).Status);
    }

    [Fact]
    public async Task WhatsApp_reports_the_closed_24_hour_window_as_template_required_and_sends_templates()
    {
        await using var whatsApp = await FakePlatform.StartAsync(_ => """{"messaging_product":"whatsapp","contacts":[{"input":"79005556677","wa_id":"79005556677"}],"messages":[{"id":"wamid.OUT1"}]}""");
        whatsApp.AnswerNext(400, """{"error":{"message":"Re-engagement message","type":"OAuthException","code":131047,"fbtrace_id":"x"}}""");
        var sender = new WhatsAppSender(Http());
        var settings = new ChannelSettings { Channel = ChannelNames.WhatsApp, ApiBaseUrl = Base(whatsApp), AccessToken = "wa-token", PhoneNumberId = "555", ApiVersion = "v21.0" };

        var late = await sender.SendAsync(settings, "79005556677", new PlatformMessage("m3", "Are you there?"), CancellationToken.None);
        var template = await sender.SendAsync(settings, "79005556677", new PlatformMessage("m4", null, Template: "follow_up", TemplateLanguage: "ru"), CancellationToken.None);

        Assert.Equal(PlatformStatus.TemplateRequired, late.Status);
        Assert.Equal(new PlatformOutcome(PlatformStatus.Sent, "wamid.OUT1"), template);
        var first = await whatsApp.NextRequestAsync(Waits.Signal);
        Assert.Equal(("/v21.0/555/messages", "Bearer wa-token"), (first.PathAndQuery, first.Authorization));
        var second = JsonDocument.Parse((await whatsApp.NextRequestAsync(Waits.Signal)).Body).RootElement;
        Assert.Equal("follow_up", second.GetProperty("template").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Vk_reports_901_as_not_allowed_and_keeps_random_id_fixed_across_retries()
    {
        await using var vk = await FakePlatform.StartAsync(_ => """{"response":314}""");
        vk.AnswerNext(200, """{"error":{"error_code":901,"error_msg":"Can't send messages for users without permission"}}""");
        var sender = new VkSender(Http());
        var settings = new ChannelSettings { Channel = ChannelNames.Vk, ApiBaseUrl = Base(vk), AccessToken = "vk-token", GroupId = "77" };

        var refused = await sender.SendAsync(settings, "9001", new PlatformMessage("m5", "Привет"), CancellationToken.None);
        var retried = await sender.SendAsync(settings, "9001", new PlatformMessage("m5", "Привет"), CancellationToken.None);

        Assert.Equal(PlatformStatus.NotAllowed, refused.Status);
        Assert.Equal(new PlatformOutcome(PlatformStatus.Sent, "314"), retried);
        var first = await vk.NextRequestAsync(Waits.Signal);
        var second = await vk.NextRequestAsync(Waits.Signal);
        Assert.Equal("/method/messages.send", first.PathAndQuery);
        Assert.Contains($"random_id={VkSender.RandomId("m5")}", first.Body);
        Assert.Contains($"random_id={VkSender.RandomId("m5")}", second.Body);
        Assert.Contains("access_token=vk-token", first.Body);
    }

    private RateLimitedHttp Http() => new(new HttpClient(), _clock);

    private static string Base(FakePlatform fake) => fake.BaseAddress.ToString().TrimEnd('/');

    private static ChannelSettings Telegram(FakePlatform fake) =>
        new() { Channel = ChannelNames.Telegram, ApiBaseUrl = Base(fake), BotToken = "123:abc", WebhookSecret = "s" };

    /// <summary>A fake clock that says when a wait starts, so the test advances time only once the sender waits on it.</summary>
    private sealed class TimerWatchingClock : FakeTimeProvider
    {
        public SemaphoreSlim TimerCreated { get; } = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.Release();
            return timer;
        }
    }
}
