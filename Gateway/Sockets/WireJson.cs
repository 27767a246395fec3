using System.Buffers;
using System.Text.Json;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// JSON the gateway writes that is not a socket frame (socket frames are the records of Switchboard.Wire): the HTTP
/// transcript, and the monitor snapshot whose shape belongs to the monitor.
/// </summary>
public static class WireJson
{
    /// <summary>For objects without a record of their own: camelCase, every field sent, a null as <c>null</c>.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>Writes one JSON object with <paramref name="write"/> filling in its members; returns its bytes.</summary>
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

    public static void WriteStringIfNotNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
