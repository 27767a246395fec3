using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// A value as UTF-8 JSON, written into a buffer this thread keeps: an event's personal fields are sealed from it at once,
/// its clear part copied into a pooled array (<see cref="StoredEvent"/>), so an append allocates neither. The bytes are
/// valid until this thread's next call.
/// </summary>
internal static class ThreadJsonWriter
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    public static ReadOnlySpan<byte> ToUtf8<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        // The writer escapes as the serializer's own options would, so the JSON is what JsonSerializer.Serialize makes.
        var encoder = typeInfo.Options.Encoder;
        if (_writer is null || _writer.Options.Encoder != encoder)
        {
            _writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder });
        }
        else
        {
            _writer.Reset(buffer);
        }
        JsonSerializer.Serialize(_writer, value, typeInfo);
        _writer.Flush();
        return buffer.WrittenSpan;
    }
}
