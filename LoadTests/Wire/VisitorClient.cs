using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// A scripted widget on the visitor socket (docs/protocol.md): hello, start_chat, messages, rate, close.
/// Operator messages that carry a probe report their delivery latency to <see cref="OperatorMessage"/>.
/// </summary>
public sealed class VisitorClient : IAsyncDisposable
{
    /// <summary>How long a chat may wait in the queue before the wait counts as failed.</summary>
    public static readonly TimeSpan AssignTimeout = TimeSpan.FromSeconds(30);

    private const int UnavailableTries = 3;
    private static readonly TimeSpan UnavailablePause = TimeSpan.FromMilliseconds(250);

    private readonly WireSocket _socket;

    private VisitorClient(WireSocket socket)
    {
        _socket = socket;
        socket.OnFrame(OnFrame);
    }

    public string? ConversationId { get; private set; }

    public bool IsOpen => _socket.IsOpen;

    /// <summary>Called with the delivery latency of every probed operator message.</summary>
    public Action<TimeSpan>? OperatorMessage { get; set; }

    public static async Task<VisitorClient> ConnectAsync(Target target, string site, CancellationToken cancellationToken) =>
        new(await WireSocket.ConnectAsync(target.WebSocket($"/ws/visitor?site={Uri.EscapeDataString(site)}"), cancellationToken));

    public Task<WireFrame> HelloAsync() => _socket.RequestAsync(WireFrames.Hello(), VisitorWelcomeFrame.Name, f => f.Type is VisitorWelcomeFrame.Name or ErrorFrame.Name);

    /// <summary>
    /// Starts a chat in <paramref name="queue"/> (absent: the site's routing decides); returns its ack and, still pending,
    /// the conversation's <c>assigned</c> event. An <c>unavailable</c> answer (a grain moving between silos, a cold
    /// cluster) is retried with the same client id, as protocol.md tells clients to.
    /// </summary>
    public async Task<(WireFrame Ack, Task<WireFrame> Assigned)> StartChatAsync(string text, string? queue = null)
    {
        var assigned = _socket.Expect("assigned event", f => f.Type == AssignedEventFrame.Name, AssignTimeout);
        var id = ClientIds.Next('s');
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var ack = await _socket.RequestAsync(WireFrames.StartChat(id, text, queue), "start_chat ack", f => IsAnswerTo(f, id));
                ConversationId = ack.ConversationId;
                return (ack, assigned);
            }
            catch (WireErrorException refused) when (refused.Code == "unavailable" && attempt < UnavailableTries)
            {
                await Task.Delay(UnavailablePause);
            }
        }
    }

    public Task<WireFrame> SendAsync(string text)
    {
        var id = ClientIds.Next('m');
        return _socket.RequestAsync(WireFrames.VisitorMessage(id, text), "message ack", f => IsAnswerTo(f, id));
    }

    /// <summary>The next operator message from now on.</summary>
    public Task<WireFrame> ExpectOperatorMessage(TimeSpan timeout) =>
        _socket.Expect("operator message", f => f.Type == MessageEventFrame.Name && f.From == "operator", timeout);

    public Task<WireFrame> RateAsync(int score) => _socket.RequestAsync(WireFrames.Rate(score), "rated event", f => f.Type is RatedEventFrame.Name or ErrorFrame.Name);

    public Task<WireFrame> CloseAsync() => _socket.RequestAsync(WireFrames.VisitorClose(), "closed event", f => f.Type is ClosedEventFrame.Name or ErrorFrame.Name);

    /// <summary>Tracking frames: accepted without an answer until proactive engagement arrives.</summary>
    public Task PageAsync(string url, string title) => _socket.SendAsync(WireFrames.Page(url, title));

    /// <summary>The next <c>invite</c> from now on; <paramref name="arrived"/> runs on the receive loop as it is matched.</summary>
    public Task<WireFrame> ExpectInvite(Action<WireFrame> arrived, TimeSpan timeout) =>
        _socket.Expect("invite", f =>
        {
            if (f.Type != "invite")
            {
                return false;
            }
            arrived(f);
            return true;
        }, timeout);

    public Task CartAsync(string sku, decimal price) => _socket.SendAsync(WireFrames.Cart(sku, price));

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private static bool IsAnswerTo(WireFrame frame, string id) => frame.Type is AckFrame.Name or ErrorFrame.Name && frame.Id == id;

    private void OnFrame(WireFrame frame)
    {
        if (frame.Type == MessageEventFrame.Name && frame.From == "operator" && Probe.TryAge(frame.Text, out var age))
        {
            OperatorMessage?.Invoke(age);
        }
    }
}
