using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.DailySummary;

/// <summary>A mail server on loopback, started by the test: it takes every message and hands it to the test.</summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly Channel<MimeMessage> _messages = Channel.CreateUnbounded<MimeMessage>();
    private readonly CancellationTokenSource _stop = new();

    public int Port { get; private init; }

    public static SmtpReceiver Start()
    {
        var receiver = new SmtpReceiver { Port = FreePort() };
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, receiver.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(receiver._messages.Writer));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(receiver._stop.Token);
        return receiver;
    }

    public async Task<MimeMessage> Next(string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected} within {Waits.Signal}.");
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    /// <summary>Where the server puts each message: parsed, and handed to the test.</summary>
    private sealed class Store(ChannelWriter<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            await messages.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
