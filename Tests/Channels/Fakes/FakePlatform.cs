using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Tests.Channels.Fakes;

/// <summary>
/// A messenger platform's API on 127.0.0.1 and a free port: records every request, and answers the next ones with
/// whatever a test scripted (a 429, a window error), else with the platform's normal success body.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _scripted = new();
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();

    private FakePlatform(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the fake; <paramref name="success"/> is the platform's success body for a request.</summary>
    public static async Task<FakePlatform> StartAsync(Func<RecordedRequest, string> success)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakePlatform(app);
        app.Run(async http =>
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
        });
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Urls.First());
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
