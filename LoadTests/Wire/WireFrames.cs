using System.Text.Json;

namespace Switchboard.LoadTests.Wire;

/// <summary>The client frames of docs/protocol.md that the load clients send.</summary>
public static class WireFrames
{
    public static byte[] Hello() => Json(new { type = "hello" });

    public static byte[] StartChat(string id, string text) => Json(new { type = "start_chat", id, text });

    public static byte[] VisitorMessage(string id, string text) => Json(new { type = "message", id, text });

    public static byte[] Page(string url, string title) => Json(new { type = "page", url, title });

    public static byte[] Cart(string sku, decimal price) =>
        Json(new { type = "cart", items = new[] { new { sku, name = "Item " + sku, qty = 1, price } }, total = price, currency = "EUR" });

    public static byte[] Rate(int score) => Json(new { type = "rate", score });

    public static byte[] VisitorClose() => Json(new { type = "close" });

    public static byte[] OperatorHello() => Json(new { type = "hello" });

    public static byte[] Status(string status) => Json(new { type = "status", status });

    public static byte[] OperatorMessage(string conversationId, string id, string text) => Json(new { type = "message", conversationId, id, text });

    private static byte[] Json<T>(T frame) => JsonSerializer.SerializeToUtf8Bytes(frame);
}
