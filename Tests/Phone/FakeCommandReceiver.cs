using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Phone;

/// <summary>A PBX's <c>commandUrl</c> on a real Kestrel port: records each command's body and signature header.</summary>
public sealed class FakeCommandReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;
    private Uri _address = null!;
    private readonly Channel<(string Body, string? Signature)> _received = Channel.CreateUnbounded<(string, string?)>();
    private readonly CapturedLogs? _productLogs;

    private FakeCommandReceiver(CapturedLogs? productLogs) => _productLogs = productLogs;

    public string Url => new Uri(_address, "/commands").ToString();

    /// <param name="productLogs">The product's captured log, if any: a command that does not come fails with its warnings
    /// and errors, which say why one was not sent (not taken by the PBX, no commandUrl).</param>
    public static async Task<FakeCommandReceiver> StartAsync(CapturedLogs? productLogs = null)
    {
        var receiver = new FakeCommandReceiver(productLogs);
        (receiver._app, receiver._address) = await LoopbackApp.StartAsync(app => app.MapPost("/commands", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            await receiver._received.Writer.WriteAsync((await reader.ReadToEndAsync(), request.Headers["X-Switchboard-Signature"].FirstOrDefault()));
            return Results.Ok();
        }));
        return receiver;
    }

    /// <summary>The next command received, or a failure saying what was expected.</summary>
    public async Task<(string Body, string? Signature)> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var problems = _productLogs is null ? "" : $" The product's warnings and errors so far:\n{string.Join("\n", _productLogs.Problems())}";
            throw new TimeoutException($"Expected a command at the commandUrl within {within}.{problems}");
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
