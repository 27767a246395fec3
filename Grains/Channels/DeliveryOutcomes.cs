using System.Text;

namespace Switchboard.Grains.Channels;

/// <summary>
/// What became of an outbox's latest messages (at most <paramref name="capacity"/>, newest last), kept in its stored
/// state as one packed array. The outbox writes its state for every message it takes and every send it starts, and a
/// list of a few hundred records was serialized afresh each time — past 64 objects Orleans' serializer tracks every
/// string and record in a dictionary it grows per write, a fifth of what a Telegram update allocated
/// (docs/benchmarks.md, 2026-12-07). Packed once when an outcome is added, the array is copied as it is by the others.
/// </summary>
public sealed class DeliveryOutcomes(int capacity)
{
    private const byte Format = 1;
    private readonly List<DeliveryReport> _reports = [];

    public int Count => _reports.Count;

    /// <summary>The outcomes an outbox stored: packed, or as a list by a node from before packing.</summary>
    public static DeliveryOutcomes Read(OutboxState state, int capacity)
    {
        var outcomes = new DeliveryOutcomes(capacity);
        if (state.Outcomes is { Length: > 0 } packed)
        {
            outcomes.Unpack(packed);
        }
        foreach (var report in state.Done ?? [])
        {
            outcomes.Add(report);
        }
        return outcomes;
    }

    /// <summary>The outcome of a message, the latest if it was told more than once.</summary>
    public DeliveryReport? Of(string messageId) => _reports.FindLast(r => r.MessageId == messageId);

    /// <summary>The outcome of the message a platform knows by <paramref name="platformMessageId"/>.</summary>
    public DeliveryReport? OfPlatformMessage(string platformMessageId) => _reports.FindLast(r => r.PlatformMessageId == platformMessageId);

    public void Add(DeliveryReport report)
    {
        _reports.Add(report);
        if (_reports.Count > capacity)
        {
            _reports.RemoveRange(0, _reports.Count - capacity);
        }
    }

    /// <summary>Format 1: a format byte, the count, then each record's four strings, the nullable ones after a presence flag.</summary>
    public byte[] Pack()
    {
        using var stream = new MemoryStream(16 + _reports.Count * 64);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write7BitEncodedInt(_reports.Count);
            foreach (var report in _reports)
            {
                writer.Write(report.MessageId);
                writer.Write(report.Status);
                WriteNullable(writer, report.Error);
                WriteNullable(writer, report.PlatformMessageId);
            }
        }
        return stream.ToArray();
    }

    private void Unpack(byte[] packed)
    {
        using var reader = new BinaryReader(new MemoryStream(packed, writable: false), Encoding.UTF8);
        if (reader.ReadByte() is var format && format != Format)
        {
            throw new InvalidDataException($"An outbox's outcomes are packed in format {format}, which this node does not read.");
        }
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            Add(new DeliveryReport(reader.ReadString(), reader.ReadString(), ReadNullable(reader), ReadNullable(reader)));
        }
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
