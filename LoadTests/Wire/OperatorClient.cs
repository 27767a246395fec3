using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.LoadTests.Runner;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// A scripted operator console on the operator socket: hello, go online, then answer what is assigned as
/// <see cref="Script"/> says. What it measures (assignment, delivery to the operator, reply acks) goes to
/// <see cref="Sink"/>, the iteration of the scenario it currently serves.
/// </summary>
public sealed class OperatorClient : IAsyncDisposable
{
    private readonly WireSocket _socket;
    private readonly ConcurrentDictionary<string, int> _chats = new();

    private OperatorClient(string login, WireSocket socket)
    {
        Login = login;
        _socket = socket;
        socket.OnFrame(OnFrame);
    }

    public string Login { get; }

    public OperatorScript Script { get; set; } = OperatorScript.Attentive;

    public ScenarioContext? Sink { get; set; }

    public int OpenChats => _chats.Count;

    public static async Task<OperatorClient> ConnectAsync(Target target, string login, string token, CancellationToken cancellationToken) =>
        new(login, await WireSocket.ConnectAsync(target.WebSocket("/ws/operator"), cancellationToken, bearer: token));

    public Task<WireFrame> HelloAsync() => _socket.RequestAsync(WireFrames.OperatorHello(), OperatorWelcomeFrame.Name, f => f.Type is OperatorWelcomeFrame.Name or ErrorFrame.Name);

    public Task<WireFrame> SetStatusAsync(string status) =>
        _socket.RequestAsync(WireFrames.Status(status), StatusFrame.Name, f => f.Type == StatusFrame.Name && f.Text == status || f.IsError);

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private void OnFrame(WireFrame frame)
    {
        switch (frame.Type)
        {
            case AssignedFrame.Name when frame.HasTranscript && frame.ConversationId is { } assigned:
                _chats[assigned] = 0;
                if (Probe.TryAge(frame.Text, out var wait))
                {
                    Sink?.Measure(Measures.Assignment, wait);
                }
                if (Script.Greet)
                {
                    ReplyAsync(assigned, "Hello! How can I help?").Ignore();
                }
                break;
            case MessageEventFrame.Name when frame.From == "visitor" && frame.ConversationId is { } chat:
                if (Probe.TryAge(frame.Text, out var age))
                {
                    Sink?.Measure(Measures.DeliveryToOperator, age);
                }
                var seen = _chats.AddOrUpdate(chat, 1, (_, count) => count + 1);
                if (Script.ReplyEvery > 0 && seen % Script.ReplyEvery == 0)
                {
                    ReplyAsync(chat, "Let me check that for you.").Ignore();
                }
                break;
            case "unassigned" when frame.ConversationId is { } gone:
                _chats.TryRemove(gone, out _);
                break;
            case ErrorFrame.Name:
                Sink?.Fail(Measures.OperatorErrors, frame.Code ?? "unknown");
                break;
        }
    }

    private async Task ReplyAsync(string conversationId, string words)
    {
        if (Script.ThinkTime > TimeSpan.Zero)
        {
            await Task.Delay(Script.ThinkTime);
        }
        var id = ClientIds.Next('o');
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _socket.RequestAsync(WireFrames.OperatorMessage(conversationId, id, Probe.Stamp(words)), "reply ack",
                f => f.Type is AckFrame.Name or ErrorFrame.Name && f.Id == id);
            Sink?.Measure(Measures.OperatorReplyAck, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception error) when (error is WireErrorException or TimeoutException or IOException)
        {
            // A chat the visitor closed meanwhile refuses the reply: that is the visitor's doing, not a failure.
            if (error is not WireErrorException { Code: "bad_request" })
            {
                Sink?.Fail(Measures.OperatorReplyAck, ScenarioContext.Reason(error));
            }
        }
    }
}
