using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Tests.Phone;

/// <summary>A PBX's <c>commandUrl</c> on a real Kestrel port: records each command's body and signature header.</summary>
public sealed class FakeCommandReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Body, string? Signature)> _received = Channel.CreateUnbounded<(string, string?)>();

    private FakeCommandReceiver(WebApplication app) => _app = app;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/commands";

    public static async Task<FakeCommandReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new FakeCommandReceiver(app);
        app.MapPost("/commands", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            await receiver._received.Writer.WriteAsync((await reader.ReadToEndAsync(), request.Headers["X-Switchboard-Signature"].FirstOrDefault()));
            return Results.Ok();
        });
        await app.StartAsync();
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
            throw new TimeoutException($"Expected a command at the commandUrl within {within}.");
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
