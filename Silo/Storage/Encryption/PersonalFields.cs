using System.Text.Json.Serialization;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// The fields of an event that say something about a person: what they wrote, their names, phone, channel address,
/// form answers, files, call recordings, and the retailer's id of the customer (on <c>started</c>: it names a person in
/// the retailer's own records). They are sealed with the conversation's key; the rest of the event
/// (type, times, queue, status, scores, tags, ids) stays readable for reports and the product's own bookkeeping.
/// </summary>
public sealed record PersonalFields
{
    /// <summary>What an erased field reads as.</summary>
    public const string ErasedText = "[erased]";

    public string? Text { get; init; }
    public string? Author { get; init; }
    public string? VisitorName { get; init; }
    public IReadOnlyDictionary<string, string>? Form { get; init; }
    public string? Phone { get; init; }
    public string? Note { get; init; }
    public string? ContactId { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? RecordingUrl { get; init; }
    public string? CustomerId { get; init; }

    /// <summary>Which fields are present, one bit each in declaration order: stored in clear, so an erased event keeps its shape.</summary>
    [JsonIgnore]
    public ushort Present => (ushort)(Bit(Text, 0) | Bit(Author, 1) | Bit(VisitorName, 2) | Bit(Form, 3) | Bit(Phone, 4)
        | Bit(Note, 5) | Bit(ContactId, 6) | Bit(Attachments, 7) | Bit(RecordingUrl, 8) | Bit(CustomerId, 9));

    /// <summary>The event's personal fields, or null when it has none (most events: assigned, queued, closed…).</summary>
    public static PersonalFields? Of(ConversationEvent evt)
    {
        if (evt is { Text: null, Author: null, VisitorName: null, Form: null, Phone: null, Note: null, ContactId: null, Attachments: null, RecordingUrl: null, CustomerId: null })
        {
            return null;
        }
        return new PersonalFields
        {
            Text = evt.Text, Author = evt.Author, VisitorName = evt.VisitorName, Form = evt.Form, Phone = evt.Phone, Note = evt.Note,
            ContactId = evt.ContactId, Attachments = evt.Attachments, RecordingUrl = evt.RecordingUrl, CustomerId = evt.CustomerId,
        };
    }

    /// <summary>The placeholders of fields that were present when their key was destroyed.</summary>
    public static PersonalFields Erased(ushort present) => new()
    {
        Text = Erase(present, 0), Author = Erase(present, 1), VisitorName = Erase(present, 2),
        Form = (present & (1 << 3)) != 0 ? new Dictionary<string, string>() : null,
        Phone = Erase(present, 4), Note = Erase(present, 5), ContactId = Erase(present, 6),
        Attachments = (present & (1 << 7)) != 0 ? [] : null,
        RecordingUrl = null,
        // Not "[erased]": reports and the customer's lists match on it, and a placeholder would match every erased chat.
        CustomerId = null,
    };

    public static ConversationEvent Strip(ConversationEvent evt) => evt with
    {
        Text = null, Author = null, VisitorName = null, Form = null, Phone = null, Note = null, ContactId = null, Attachments = null, RecordingUrl = null,
        CustomerId = null,
    };

    public ConversationEvent ApplyTo(ConversationEvent evt) => evt with
    {
        Text = Text, Author = Author, VisitorName = VisitorName, Form = Form, Phone = Phone, Note = Note, ContactId = ContactId,
        Attachments = Attachments, RecordingUrl = RecordingUrl,
        // Rows sealed before the customer id was sealed have it in their clear part.
        CustomerId = CustomerId ?? evt.CustomerId,
    };

    private static int Bit(object? value, int bit) => value is null ? 0 : 1 << bit;

    private static string? Erase(ushort present, int bit) => (present & (1 << bit)) != 0 ? ErasedText : null;
}
