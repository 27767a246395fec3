using System.Buffers;
using System.Text.Json;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// An event's personal fields as UTF-8 JSON, written into a buffer this thread keeps: they are sealed at once and the
/// plaintext is not kept, so an append need not allocate it. The bytes are valid until this thread's next call.
/// </summary>
internal static class PersonalFieldsWriter
{
    // The writer escapes as the serializer's own options would, so the sealed JSON is what it always was.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = PersonalFieldsJson.Default.Options.Encoder };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    public static ReadOnlySpan<byte> ToUtf8(PersonalFields fields)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, fields, PersonalFieldsJson.Default.PersonalFields);
        writer.Flush();
        return buffer.WrittenSpan;
    }
}
