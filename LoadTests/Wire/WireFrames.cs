using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Wire;

/// <summary>The client frames of docs/protocol.md that the load clients send, as the gateway's own records.</summary>
public static class WireFrames
{
    public static byte[] Hello() => FrameWriter.ToBytes(new VisitorHelloFrame(), WireContext.Default.VisitorHelloFrame);

    public static byte[] StartChat(string id, string text) => FrameWriter.ToBytes(new StartChatFrame(id, Text: text), WireContext.Default.StartChatFrame);

    public static byte[] VisitorMessage(string id, string text) => FrameWriter.ToBytes(new VisitorMessageFrame(id, text), WireContext.Default.VisitorMessageFrame);

    public static byte[] Page(string url, string title) => FrameWriter.ToBytes(new PageFrame(url, title), WireContext.Default.PageFrame);

    public static byte[] Cart(string sku, decimal price) =>
        FrameWriter.ToBytes(new CartFrame([new CartLine(sku, "Item " + sku, 1, price)], price, "EUR"), WireContext.Default.CartFrame);

    public static byte[] Rate(int score) => FrameWriter.ToBytes(new RateFrame(score), WireContext.Default.RateFrame);

    public static byte[] VisitorClose() => FrameWriter.ToBytes(new VisitorCloseFrame(), WireContext.Default.VisitorCloseFrame);

    public static byte[] OperatorHello() => FrameWriter.ToBytes(new OperatorHelloFrame(), WireContext.Default.OperatorHelloFrame);

    public static byte[] Status(string status) => FrameWriter.ToBytes(new StatusFrame(status), WireContext.Default.StatusFrame);

    public static byte[] OperatorMessage(string conversationId, string id, string text) =>
        FrameWriter.ToBytes(new OperatorMessageFrame(conversationId, id, text), WireContext.Default.OperatorMessageFrame);
}
