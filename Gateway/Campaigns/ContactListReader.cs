using System.Text;
using System.Text.Json;
using Switchboard.Contracts.Campaigns;
using Switchboard.Domain.Campaigns;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// A contact list read as it arrives, a JSON array, NDJSON (<c>application/x-ndjson</c>) or CSV (<c>text/csv</c>), and handed on in batches:
/// a list of a million rows is never held whole. Each row is checked on its own; a bad row is refused with its number
/// and reason, and the rest go on.
/// </summary>
public static class ContactListReader
{
    public const int BatchSize = 1000;
    public const int MaxProblems = 20;
    public const int MaxDataChars = 16 * 1024;
    public const int MaxIdLength = 128;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ContactListFormat FormatOf(string? contentType) => contentType switch
    {
        { } type when type.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase) => ContactListFormat.Ndjson,
        { } type when type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) => ContactListFormat.Csv,
        _ => ContactListFormat.JsonArray,
    };

    /// <summary>The list's outcome, and the reason it stopped early when the body itself is not JSON (rows before it stay added).</summary>
    public static async Task<(ContactListResult Result, string? Broken)> ReadAsync(
        Stream body, ContactListFormat format, string kind, Func<IReadOnlyList<CampaignContact>, Task<ContactsAdded>> add, CancellationToken cancellationToken)
    {
        var tally = new Tally(kind, add);
        try
        {
            var rows = format switch
            {
                ContactListFormat.Ndjson => Lines(body, cancellationToken),
                ContactListFormat.Csv => ContactCsvRows.ReadAsync(body, cancellationToken),
                _ => Elements(body, cancellationToken),
            };
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await tally.TakeAsync(row);
            }
        }
        catch (JsonException error)
        {
            await tally.FlushAsync();
            return (tally.Result, $"the body is not a JSON array of contacts (or NDJSON with application/x-ndjson): {error.Message}");
        }
        catch (FormatException error)
        {
            await tally.FlushAsync();
            return (tally.Result, error.Message);
        }
        await tally.FlushAsync();
        return (tally.Result, null);
    }

    /// <summary>Why <paramref name="row"/> cannot be called for a <paramref name="kind"/> campaign, or the contact it is.</summary>
    public static (CampaignContact? Contact, string? Problem) Check(JsonElement row, string kind)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            return (null, "not a JSON object");
        }
        ContactJson? contact;
        try
        {
            contact = row.Deserialize<ContactJson>(Json);
        }
        catch (JsonException)
        {
            return (null, "phone, customerId, name and timeZone must be strings");
        }
        if (PhoneNumbers.Normalize(contact?.Phone) is not { } phone)
        {
            return (null, $"phone '{contact?.Phone}' is not a number in international format (+, then 8 to 15 digits)");
        }
        if (contact!.CustomerId is { Length: > MaxIdLength } || contact.Name is { Length: > 200 })
        {
            return (null, "customerId is at most 128 characters and name at most 200");
        }
        if (contact.TimeZone is not null && CallingWindow.Zone(contact.TimeZone) is null)
        {
            return (null, $"timeZone '{contact.TimeZone}' is not a known time zone");
        }
        if (ContactData.Problem(kind, contact.Data) is { } problem)
        {
            return (null, problem);
        }
        var data = contact.Data is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : null;
        if (data is { Length: > MaxDataChars })
        {
            return (null, $"data is over {MaxDataChars} characters");
        }
        return (new CampaignContact(phone, contact.CustomerId, contact.Name, data, contact.TimeZone), null);
    }

    private static async IAsyncEnumerable<ContactRow> Elements(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, Json, cancellationToken))
        {
            yield return new ContactRow(element);
        }
    }

    private static async IAsyncEnumerable<ContactRow> Lines(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            ContactRow row;
            try
            {
                row = new ContactRow(JsonDocument.Parse(line).RootElement.Clone());
            }
            catch (JsonException)
            {
                // One bad line is one refused row, not the end of the list.
                row = ContactRow.Broken("not JSON");
            }
            yield return row;
        }
    }

    /// <summary>The running counts, and the batch waiting to be handed on.</summary>
    private sealed class Tally(string kind, Func<IReadOnlyList<CampaignContact>, Task<ContactsAdded>> add)
    {
        private readonly List<CampaignContact> _batch = new(BatchSize);
        private readonly List<ContactListResult.Problem> _problems = [];
        private long _row;
        private int _added;
        private int _refused;
        private int _duplicates;

        public ContactListResult Result => new(_added, _refused, _duplicates, _problems);

        public async Task TakeAsync(ContactRow row)
        {
            _row++;
            var (contact, problem) = row.Unreadable is null ? Check(row.Json, kind) : (null, row.Unreadable);
            if (contact is null)
            {
                _refused++;
                if (_problems.Count < MaxProblems)
                {
                    _problems.Add(new(_row, problem!));
                }
                return;
            }
            _batch.Add(contact);
            if (_batch.Count == BatchSize)
            {
                await FlushAsync();
            }
        }

        public async Task FlushAsync()
        {
            if (_batch.Count == 0)
            {
                return;
            }
            var added = await add([.. _batch]);
            _added += added.Added;
            _duplicates += added.Duplicates;
            _batch.Clear();
        }
    }
}
