using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Exports;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Exports;

/// <summary>
/// One window's NDJSON: a line per event stored in the window (<c>"kind":"event"</c>, in conversation and seq order),
/// then a line per conversation closed in the window with its whole transcript (<c>"kind":"transcript"</c>).
/// </summary>
public sealed class ExportFile(IEventLog log, IEventLogWindows windows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<(byte[] Ndjson, ExportWindow Window)> Build(string site, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var (events, transcripts) = (0, 0);
        foreach (var (key, firstSeq) in (await windows.ConversationsBetween(site, from, to, cancellationToken)).OrderBy(c => c.ConversationKey, StringComparer.Ordinal))
        {
            var conversationId = GrainKeys.Parse(key).Id;
            var inWindow = (await log.ReadAsync(key, firstSeq - 1, cancellationToken: cancellationToken)).Where(e => e.At >= from && e.At < to).ToList();
            foreach (var evt in inWindow)
            {
                Line(buffer, new EventLine(conversationId, evt));
                events++;
            }
            if (inWindow.Any(e => e.Type == EventTypes.Closed))
            {
                var whole = await log.ReadAsync(key, 0, cancellationToken: cancellationToken);
                Line(buffer, new TranscriptLine(conversationId, whole.FirstOrDefault()?.At, whole.Last(e => e.Type == EventTypes.Closed).At,
                    whole.Where(e => e.Type == EventTypes.Message).Select(e => new TranscriptMessage(e.Seq, e.At, e.From, e.Author, e.Text)).ToList()));
                transcripts++;
            }
        }
        return (buffer.ToArray(), new ExportWindow(from, to, events, transcripts));
    }

    private static void Line<T>(MemoryStream buffer, T line)
    {
        JsonSerializer.Serialize(buffer, line, Json);
        buffer.WriteByte((byte)'\n');
    }

    private sealed record EventLine(string ConversationId, ConversationEvent Event)
    {
        public string Kind => "event";
    }

    private sealed record TranscriptLine(string ConversationId, DateTimeOffset? StartedAt, DateTimeOffset ClosedAt, IReadOnlyList<TranscriptMessage> Messages)
    {
        public string Kind => "transcript";
    }

    private sealed record TranscriptMessage(long Seq, DateTimeOffset At, string? From, string? Author, string? Text);
}
