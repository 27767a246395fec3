using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.LoadTests.Messengers;

namespace Switchboard.LoadTests.DevMode;

/// <summary>
/// The dev mode of docs/channels.md: a person chats from a fake Telegram user to the console on one machine. It starts
/// a fake Bot API on loopback, signs in as a supervisor and points the site's telegram channel at it, then sends each
/// line typed as the user's update through the real webhook and prints what the bot sends back. A number taps that
/// button under the bot's last message; <c>/rate N</c> taps the rating; <c>/quit</c> (or the end of input) switches
/// the channel off again, so the outbox does not keep trying a Bot API that is gone.
/// </summary>
public sealed class FakeTelegramChat(FakeTelegramSettings settings, TextReader input, TextWriter output)
{
    public const string Prompt = "Type a message and press Enter";

    private readonly Lock _gate = new();
    private IReadOnlyList<BotButton> _lastButtons = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var gateway = new HttpClient { BaseAddress = settings.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        string token;
        try
        {
            token = await SignInAsync(gateway, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            Say($"Could not sign in to {settings.Gateway} as {settings.Login} on site '{settings.Site}': {error.Message}");
            Say("Is the gateway running (dotnet run --project Gateway), and are --site, --login and --password right?");
            return 1;
        }
        // A fresh bot and secret per session: nothing to copy from the console, nothing that outlives the session.
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var telegram = await FakeTelegram.StartAsync(gateway, settings.Site, $"{RandomNumberGenerator.GetInt32(100_000, 999_999)}:fake-dev-bot", secret);
        telegram.Api.Watch(request =>
        {
            if (FakeTelegram.ReadMessage(request) is { } message)
            {
                Show(message);
            }
        });
        using (var configured = await AuthorizedAsync(gateway, HttpMethod.Put, ChannelPath, token, telegram.ChannelSettings, cancellationToken))
        {
            if (configured.StatusCode != HttpStatusCode.NoContent)
            {
                Say($"Could not configure the telegram channel of '{settings.Site}': {(int)configured.StatusCode} {await configured.Content.ReadAsStringAsync(cancellationToken)}");
                return 1;
            }
        }
        Say($"Fake Telegram Bot API on {telegram.Api.ApiBaseUrl}; the telegram channel of site '{settings.Site}' at {settings.Gateway} now sends to it.");
        Say($"You are {settings.Name} (Telegram user {settings.UserId}). Open {new Uri(settings.Gateway, "/console/")}, sign in as an operator and go Online.");
        Say($"{Prompt}. A number taps that button under the bot's last message; /rate 1-5 rates the chat; /quit ends.");
        try
        {
            await ChatAsync(telegram, cancellationToken);
        }
        finally
        {
            using var off = await AuthorizedAsync(gateway, HttpMethod.Delete, ChannelPath, token, null, CancellationToken.None);
            Say($"The telegram channel of '{settings.Site}' is switched off again ({(int)off.StatusCode}).");
        }
        return 0;
    }

    private string ChannelPath => $"/api/sites/{Uri.EscapeDataString(settings.Site)}/channels/{ChannelNames.Telegram}";

    private async Task ChatAsync(FakeTelegram telegram, CancellationToken cancellationToken)
    {
        var user = new TelegramUser(settings.UserId, settings.Name);
        while (!cancellationToken.IsCancellationRequested)
        {
            // Console.In reads synchronously: off the caller's thread, so Ctrl+C still ends the session.
            var line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
            if (line is null || line.Trim() == "/quit")
            {
                return;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var status = Tapped(line.Trim()) is { } data ? await telegram.TapAsync(user, data) : await telegram.SendTextAsync(user, line);
            if (status != HttpStatusCode.OK)
            {
                Say($"The webhook answered {(int)status} {status}; the update was not taken.");
            }
        }
    }

    /// <summary>The button a line taps: <c>/rate N</c>, or the number of a button under the bot's last message.</summary>
    private string? Tapped(string line)
    {
        if (line.StartsWith("/rate ", StringComparison.Ordinal) && int.TryParse(line[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var score))
        {
            return $"{ReplyButton.RatePrefix}{score}";
        }
        lock (_gate)
        {
            return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= _lastButtons.Count
                ? _lastButtons[number - 1].Data
                : null;
        }
    }

    private void Show(BotMessage message)
    {
        lock (_gate)
        {
            _lastButtons = message.Buttons;
            output.WriteLine($"bot: {message.Text}");
            if (message.Buttons.Count > 0)
            {
                output.WriteLine("     " + string.Join("   ", message.Buttons.Select((b, i) => $"[{i + 1}] {b.Label}")));
            }
            output.Flush();
        }
    }

    private void Say(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private async Task<string> SignInAsync(HttpClient gateway, CancellationToken cancellationToken)
    {
        using var response = await gateway.PostAsJsonAsync("/api/auth/login", new { site = settings.Site, login = settings.Login, password = settings.Password }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString()!;
    }

    private static async Task<HttpResponseMessage> AuthorizedAsync(HttpClient gateway, HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.SendAsync(request, cancellationToken);
    }
}
