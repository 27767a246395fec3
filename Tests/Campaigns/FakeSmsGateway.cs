using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Campaigns;

/// <summary>An HTTP SMS gateway on loopback (docs/campaigns.md's contract): records each message it is asked to send.</summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly Channel<JsonElement> _sent = Channel.CreateUnbounded<JsonElement>();
    private WebApplication _app = null!;

    public string Url { get; private set; } = "";

    public static FakeSmsGateway Start()
    {
        var gateway = new FakeSmsGateway();
        var (app, address) = LoopbackApp.StartAsync(app => app.MapPost("/sms", async (HttpRequest request) =>
        {
            await gateway._sent.Writer.WriteAsync(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Ok();
        })).GetAwaiter().GetResult();
        (gateway._app, gateway.Url) = (app, new Uri(address, "/sms").ToString());
        return gateway;
    }

    /// <summary>The next message sent to <paramref name="phone"/>, or a failure saying what was expected.</summary>
    public async Task<JsonElement> NextToAsync(string phone)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        try
        {
            while (true)
            {
                var message = await _sent.Reader.ReadAsync(timeout.Token);
                if (message.GetProperty("to").GetString() == phone)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected an SMS to {phone} within {Waits.Signal}.");
        }
    }

    /// <summary>
    /// How many messages to <paramref name="phone"/> have arrived by now, without waiting (a link goes out before the
    /// PBX's <c>call.ended</c> is answered); the others are left for <see cref="NextToAsync"/>.
    /// </summary>
    public int ArrivedTo(string phone)
    {
        var others = new List<JsonElement>();
        var count = 0;
        while (_sent.Reader.TryRead(out var message))
        {
            if (message.GetProperty("to").GetString() == phone)
            {
                count++;
            }
            else
            {
                others.Add(message);
            }
        }
        foreach (var other in others)
        {
            _sent.Writer.TryWrite(other);
        }
        return count;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
