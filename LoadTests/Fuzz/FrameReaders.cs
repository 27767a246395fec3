using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Fuzz;

/// <summary>
/// Every record a frame type is read into by the visitor's or the operator's session (some names, such as
/// <c>hello</c> and <c>message</c>, are both), so a fuzzed frame is read every way the gateway could read it.
/// </summary>
public static class FrameReaders
{
    private static readonly Dictionary<string, Action<InboundFrame>[]> ByType = new(StringComparer.Ordinal)
    {
        [VisitorHelloFrame.Name] = [f => f.Read(WireContext.Default.VisitorHelloFrame), f => f.Read(WireContext.Default.OperatorHelloFrame)],
        [VisitorMessageFrame.Name] = [f => f.Read(WireContext.Default.VisitorMessageFrame), f => f.Read(WireContext.Default.OperatorMessageFrame)],
        [VisitorTypingFrame.Name] = [f => f.Read(WireContext.Default.VisitorTypingFrame), f => f.Read(WireContext.Default.OperatorTypingFrame)],
        [OperatorCloseFrame.Name] = [f => f.Read(WireContext.Default.OperatorCloseFrame)],
        [StartChatFrame.Name] = [f => f.Read(WireContext.Default.StartChatFrame)],
        [RateFrame.Name] = [f => f.Read(WireContext.Default.RateFrame)],
        [CallbackFrame.Name] = [f => f.Read(WireContext.Default.CallbackFrame)],
        [PageFrame.Name] = [f => f.Read(WireContext.Default.PageFrame)],
        [CartFrame.Name] = [f => f.Read(WireContext.Default.CartFrame)],
        [InviteReplyFrame.Name] = [f => f.Read(WireContext.Default.InviteReplyFrame)],
        [StatusFrame.Name] = [f => f.Read(WireContext.Default.StatusFrame)],
        [NoteFrame.Name] = [f => f.Read(WireContext.Default.NoteFrame)],
        [WatchFrame.Name] = [f => f.Read(WireContext.Default.WatchFrame)],
        [TransferFrame.Name] = [f => f.Read(WireContext.Default.TransferFrame)],
    };

    public static IReadOnlyList<Action<InboundFrame>> For(string type) => ByType.TryGetValue(type, out var readers) ? readers : [];
}
