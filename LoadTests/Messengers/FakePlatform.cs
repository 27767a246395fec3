using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.LoadTests.Messengers;

/// <summary>
/// A messenger platform's API on 127.0.0.1 and a free port: records every request, and answers the next ones with
/// whatever was scripted (a 429, a window error, an answer held back), else with the platform's normal success body.
/// The tests, the dev mode and the benchmark share it (<see cref="FakeTelegram"/>, <see cref="FakeWhatsApp"/>, <see cref="FakeVk"/>).
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ScriptedAnswer> _scripted = [];
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentBag<Action<RecordedRequest>> _watchers = [];
    private readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The base URL as a channel's <c>apiBaseUrl</c> takes it (no trailing slash).</summary>
    public string ApiBaseUrl => BaseAddress.ToString().TrimEnd('/');

    /// <summary>Starts the fake; <paramref name="success"/> is the platform's success body for a request.</summary>
    public static async Task<FakePlatform> StartAsync(Func<RecordedRequest, string> success)
    {
        var fake = new FakePlatform();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        fake._app = builder.Build();
        fake._app.Run(http => fake.AnswerAsync(http, success));
        await fake._app.StartAsync();
        fake.BaseAddress = new Uri(fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>The next request gets this answer instead of success.</summary>
    public void AnswerNext(int status, string body, string? retryAfter = null) => Script(new ScriptedAnswer(_ => true, status, body, retryAfter, null));

    /// <summary>The next request that <paramref name="matches"/> gets this answer instead of success.</summary>
    public void AnswerNext(Func<RecordedRequest, bool> matches, int status, string body, string? retryAfter = null) =>
        Script(new ScriptedAnswer(matches, status, body, retryAfter, null));

    /// <summary>
    /// The next request that <paramref name="matches"/> is recorded at once but answered (with success) only when
    /// <paramref name="release"/> completes: a platform that took a message and has not said so yet.
    /// </summary>
    public void HoldNext(Func<RecordedRequest, bool> matches, Task release) => Script(new ScriptedAnswer(matches, 200, null, null, release));

    /// <summary>
    /// A <c>GET</c> of <paramref name="path"/> answers these bytes (a platform's file server); with
    /// <paramref name="authorization"/>, only a request that carries exactly that header (WhatsApp's media URLs).
    /// </summary>
    public void ServeFile(string path, byte[] content, string? authorization = null) => _files[path] = new ServedFile(content, authorization);

    /// <summary>Called with every request as it arrives, on the server's thread: the dev mode prints, the benchmark times.</summary>
    public void Watch(Action<RecordedRequest> watcher) => _watchers.Add(watcher);

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

    private void Script(ScriptedAnswer answer)
    {
        lock (_gate)
        {
            _scripted.Add(answer);
        }
    }

    private ScriptedAnswer? TakeScripted(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _scripted.FindIndex(s => s.Matches(request));
            if (index < 0)
            {
                return null;
            }
            var answer = _scripted[index];
            _scripted.RemoveAt(index);
            return answer;
        }
    }

    private async Task AnswerAsync(HttpContext http, Func<RecordedRequest, string> success)
    {
        using var raw = new MemoryStream();
        await http.Request.Body.CopyToAsync(raw);
        var bytes = raw.ToArray();
        var recorded = new RecordedRequest(
            http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.ToString(), System.Text.Encoding.UTF8.GetString(bytes))
        {
            RawBody = bytes,
            ContentType = http.Request.ContentType,
        };
        // Scripted before it is published: a test that scripts after seeing this request means the next one.
        var scripted = TakeScripted(recorded);
        _requests.Writer.TryWrite(recorded);
        foreach (var watcher in _watchers)
        {
            watcher(recorded);
        }
        if (scripted?.Release is { } release)
        {
            await release.WaitAsync(http.RequestAborted);
        }
        if (scripted is null && HttpMethods.IsGet(http.Request.Method) && _files.TryGetValue(http.Request.Path, out var file))
        {
            var allowed = file.Authorization is null || file.Authorization == recorded.Authorization;
            http.Response.StatusCode = allowed ? 200 : 401;
            http.Response.ContentType = "application/octet-stream";
            await http.Response.Body.WriteAsync(allowed ? file.Content : []);
            return;
        }
        http.Response.StatusCode = scripted?.Status ?? 200;
        if (scripted?.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(scripted?.Body ?? success(recorded));
    }

    private sealed record ServedFile(byte[] Content, string? Authorization);

    private sealed record ScriptedAnswer(Func<RecordedRequest, bool> Matches, int Status, string? Body, string? RetryAfter, Task? Release);
}
