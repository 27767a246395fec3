using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.LoadTests.Messengers;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Telegram users writing to the site's bot through a <see cref="FakeTelegram"/> in this process: opening starts the
/// fake, signs in as the site's supervisor, points the site's telegram channel at the fake and has each user say hello
/// (which starts their chat); disposing switches the channel off again. Every operator reply the fake receives is timed
/// from the probe the scripted operator put in it, into <see cref="Sink"/>.
/// </summary>
public sealed class TelegramUsers(Target target, string site, string supervisor, string password, int size) : IAsyncDisposable
{
    /// <summary>The operator's reply leaving the console until the Bot API receives <c>sendMessage</c> (outbox and client on the way).</summary>
    public const string ReplyToPlatform = "delivery operator → platform (reply → sendMessage)";

    private const string JoinedNotice = "has joined the chat.";
    private static readonly TimeSpan AssignedWithin = TimeSpan.FromSeconds(60);

    private readonly HttpClient _gateway = new() { BaseAddress = target.Http, Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<TelegramUser> _users = [];
    private readonly ConcurrentDictionary<string, bool> _joined = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allJoined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeTelegram? _telegram;
    private string? _token;

    public FakeTelegram Telegram => _telegram ?? throw new InvalidOperationException("Open the users first.");

    public IReadOnlyList<TelegramUser> Users => _users;

    /// <summary>Where the replies' timings go: the scenario's latest iteration.</summary>
    public ScenarioContext? Sink { get; set; }

    public async Task OpenAsync(ScenarioContext init)
    {
        if (_telegram is not null)
        {
            return;
        }
        _telegram = await FakeTelegram.StartAsync(_gateway, site, "5000:load-bot", "load_webhook_secret");
        _telegram.Api.Watch(request =>
        {
            if (FakeTelegram.ReadMessage(request) is not { } message)
            {
                return;
            }
            if (ProbeAge(message.Text) is { } age)
            {
                Sink?.Measure(ReplyToPlatform, age);
            }
            else if (message.Text.EndsWith(JoinedNotice, StringComparison.Ordinal) && _joined.TryAdd(message.ChatId, true) && _joined.Count >= size)
            {
                _allJoined.TrySetResult();
            }
        });
        using (var login = new LoginClient(target))
        {
            _token = await init.StepAsync("supervisor login", () => login.LoginAsync(site, supervisor, password, init.CancellationToken));
        }
        await init.StepAsync("configure telegram", () => ChannelAsync(HttpMethod.Put, _telegram.ChannelSettings));
        _users.AddRange(Enumerable.Range(1, size).Select(i => new TelegramUser(900_000 + i, $"Load user {i}")));
        foreach (var user in _users)
        {
            await init.StepAsync("first update", () => PushAsync(user, "Hello!"));
        }
        // The bot says an operator joined once a chat is assigned: from then on every update is a message in an open chat.
        await init.StepAsync("every chat assigned", () => _allJoined.Task.WaitAsync(AssignedWithin, init.CancellationToken));
    }

    /// <summary>The user's update through the webhook; anything but 200 fails the step.</summary>
    public async Task PushAsync(TelegramUser user, string text)
    {
        var status = await Telegram.SendTextAsync(user, text);
        if (status != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"the webhook answered {(int)status}");
        }
    }

    private async Task CloseAsync()
    {
        if (_token is not null)
        {
            await ChannelAsync(HttpMethod.Delete, null);
            _token = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }
        _gateway.Dispose();
    }

    /// <summary>Messengers show "Name: text"; the probe is at the head of the text.</summary>
    private static TimeSpan? ProbeAge(string text)
    {
        var start = text.IndexOf(": ", StringComparison.Ordinal);
        return start >= 0 && Probe.TryAge(text[(start + 2)..], out var age) ? age : null;
    }

    private async Task ChannelAsync(HttpMethod method, object? body)
    {
        using var request = new HttpRequestMessage(method, $"api/sites/{site}/channels/telegram") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _gateway.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} telegram channel: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
