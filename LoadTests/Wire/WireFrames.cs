using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.LoadTests.Wire;

/// <summary>The client frames of docs/protocol.md that the load clients send, as the gateway's own records.</summary>
public static class WireFrames
{
    public static byte[] Hello() => FrameWriter.ToBytes(new VisitorHelloFrame(), WireContext.Default.VisitorHelloFrame);

    public static byte[] StartChat(string id, string text, string? queue = null) =>
        FrameWriter.ToBytes(new StartChatFrame { Id = id, Text = text, Queue = queue }, WireContext.Default.StartChatFrame);

    public static byte[] VisitorMessage(string id, string text) =>
        FrameWriter.ToBytes(new VisitorMessageFrame { Id = id, Text = text }, WireContext.Default.VisitorMessageFrame);

    public static byte[] Page(string url, string title) =>
        FrameWriter.ToBytes(new PageFrame { Url = url, Title = title }, WireContext.Default.PageFrame);

    public static byte[] Cart(string sku, decimal price) =>
        FrameWriter.ToBytes(
            new CartFrame { Items = [new CartLine { Sku = sku, Name = "Item " + sku, Qty = 1, Price = price }], Total = price, Currency = "EUR" },
            WireContext.Default.CartFrame);

    public static byte[] Rate(int score) => FrameWriter.ToBytes(new RateFrame { Score = score }, WireContext.Default.RateFrame);

    public static byte[] VisitorClose() => FrameWriter.ToBytes(new VisitorCloseFrame(), WireContext.Default.VisitorCloseFrame);

    public static byte[] OperatorHello() => FrameWriter.ToBytes(new OperatorHelloFrame(), WireContext.Default.OperatorHelloFrame);

    public static byte[] Status(string status) => FrameWriter.ToBytes(new StatusFrame(status), WireContext.Default.StatusFrame);

    public static byte[] OperatorMessage(string conversationId, string id, string text) =>
        FrameWriter.ToBytes(
            new OperatorMessageFrame { ConversationId = conversationId, Id = id, Text = text }, WireContext.Default.OperatorMessageFrame);
}
