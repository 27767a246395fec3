using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels.Fakes;

/// <summary>
/// A messenger platform's API on 127.0.0.1 and a free port: records every request, and answers the next ones with
/// whatever a test scripted (a 429, a window error), else with the platform's normal success body.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _scripted = new();
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the fake; <paramref name="success"/> is the platform's success body for a request.</summary>
    public static async Task<FakePlatform> StartAsync(Func<RecordedRequest, string> success)
    {
        var fake = new FakePlatform();
        (fake._app, fake.BaseAddress) = await LoopbackApp.StartAsync(app => app.Run(async http =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            var recorded = new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.ToString(), body);
            fake._requests.Writer.TryWrite(recorded);
            var (status, answer, retryAfter) = fake._scripted.TryDequeue(out var next) ? next : (200, success(recorded), null);
            http.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                http.Response.Headers.RetryAfter = retryAfter;
            }
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer);
        }));
        return fake;
    }

    /// <summary>The next request gets this answer instead of success.</summary>
    public void AnswerNext(int status, string body, string? retryAfter = null) => _scripted.Enqueue((status, body, retryAfter));

    public async Task<RecordedRequest> NextRequestAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await _requests.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the fake received: the body as sent (JSON, or VK's form encoding).</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);
