using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Wire;

/// <summary>
/// Writes a frame record to its bytes through the generated serializer. Each thread keeps one buffer and one writer,
/// so a frame costs its record and its bytes and nothing else, and an event's bytes can go to a pooled array: events are
/// the gateway's hot path.
/// </summary>
public static class FrameWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    public static byte[] ToBytes<TFrame>(TFrame frame, JsonTypeInfo<TFrame> type) => Write(frame, type).ToArray();

    /// <summary>The frame's bytes in an array rented from the shared pool (<see cref="PooledFrame"/>).</summary>
    public static PooledFrame ToPooled<TFrame>(TFrame frame, JsonTypeInfo<TFrame> type)
    {
        var written = Write(frame, type);
        var array = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(array);
        return new PooledFrame(array, written.Length);
    }

    // Valid until this thread writes its next frame.
    private static ReadOnlySpan<byte> Write<TFrame>(TFrame frame, JsonTypeInfo<TFrame> type)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, frame, type);
        writer.Flush();
        return buffer.WrittenSpan;
    }
}
