using System.Buffers;
using System.Text.Json;

namespace Switchboard.Gateway.Sockets;

/// <summary>The one JSON shape of the wire: camelCase, optional fields left out, hot frames written straight to UTF-8.</summary>
public static class WireJson
{
    /// <summary>For frames written from objects: every field listed is sent, a null as <c>null</c> (e.g. <c>welcome.conversation</c>).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>Writes one JSON object with <paramref name="write"/> filling in its members; returns the frame's bytes.</summary>
    public static byte[] Frame<TState>(string type, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            write(writer, state);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A frame from a plain object (welcome and other rare frames where clarity beats speed).</summary>
    public static byte[] Frame(object frame) => JsonSerializer.SerializeToUtf8Bytes(frame, frame.GetType(), Options);

    public static void WriteStringIfNotNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
