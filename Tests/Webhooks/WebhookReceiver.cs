using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Webhooks;

/// <summary>A retailer's endpoint on loopback: records each post with its headers; <see cref="Hang"/> makes it never answer.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Channel<Received> _posts = Channel.CreateUnbounded<Received>();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;

    public Uri Url { get; private set; } = null!;
    public bool Hang { get; set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        (receiver._app, var address) = await LoopbackApp.StartAsync(app => app.MapPost("/hooks", receiver.Receive));
        receiver.Url = new Uri(address, "/hooks");
        return receiver;
    }

    /// <summary>The next post; fails saying what was expected.</summary>
    public async Task<Received> Next(string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        try
        {
            return await _posts.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected} within {Waits.Signal}.");
        }
    }

    public bool NothingReceived => !_posts.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.DisposeAsync();
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        _posts.Writer.TryWrite(new Received(buffer.ToArray(), request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (Hang)
        {
            await _released.Task;
        }
        return Results.NoContent();
    }

    public sealed record Received(byte[] Body, IReadOnlyDictionary<string, string> Headers);
}
