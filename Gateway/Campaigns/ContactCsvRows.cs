using System.Text;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// A contact list as CSV (<c>text/csv</c>, RFC 4180: commas, double quotes, quoted line breaks), read a record at a time
/// by Sylvan's CSV reader: a header row names the columns (<c>phone</c>, <c>customerId</c>, <c>name</c>,
/// <c>timeZone</c> and <c>data.*</c>, in any order), and each record becomes the same JSON object a JSON list would
/// carry, so it is checked by the same rules. A record whose cells do not match the header is a refused row.
/// </summary>
public static class ContactCsvRows
{
    public const string DataPrefix = "data.";
    /// <summary>The longest record read: a quoted cell may span lines; one left open must not swallow the rest of a long list into memory.</summary>
    public const int MaxQuotedChars = 64 * 1024;
    private static readonly HashSet<string> Plain = new(StringComparer.Ordinal) { "phone", "customerId", "name", "timeZone" };

    /// <summary>The rows after the header; a <see cref="FormatException"/> when the header is missing, lacks phone, or names an unknown column or one twice.</summary>
    public static async IAsyncEnumerable<ContactRow> ReadAsync(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, Encoding.UTF8);
        await using var csv = await OpenAsync(text, cancellationToken);
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
        if (columns is [] or [""])
        {
            throw new FormatException("the CSV has no header row");
        }
        if (!columns.Contains("phone"))
        {
            throw new FormatException("the CSV header row must name a phone column, the columns separated by commas: phone,customerId,name,timeZone,data.*");
        }
        if (columns.FirstOrDefault(c => !Known(c)) is { } unknown)
        {
            throw new FormatException($"the CSV header names an unknown column '{unknown}': phone, customerId, name, timeZone and data.* are known");
        }
        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"the CSV header names '{twice.Key}' twice");
        }
        while (await NextAsync(csv, cancellationToken))
        {
            var cells = Enumerable.Range(0, csv.RowFieldCount).Select(csv.GetString).ToList();
            if (cells is [] or [""])
            {
                continue;
            }
            yield return cells.Count == columns.Count
                ? new ContactRow(Row(columns, cells))
                : ContactRow.Broken($"{cells.Count} cells where the header has {columns.Count}");
        }
    }

    /// <summary>
    /// Sylvan's reader, held to commas (no delimiter guessing) and to records that fit <see cref="MaxQuotedChars"/>: a
    /// quoted cell may span lines, but one left open must not read the rest of a long list into memory.
    /// </summary>
    private static async Task<CsvDataReader> OpenAsync(TextReader text, CancellationToken cancellationToken)
    {
        var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = 16 * 1024, MaxBufferSize = MaxQuotedChars };
        try
        {
            return await CsvDataReader.CreateAsync(text, options, cancellationToken);
        }
        catch (Exception error) when (error is CsvRecordTooLargeException or CsvFormatException)
        {
            throw Unreadable(error);
        }
    }

    private static async Task<bool> NextAsync(CsvDataReader csv, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (Exception error) when (error is CsvRecordTooLargeException or CsvFormatException)
        {
            throw Unreadable(error);
        }
    }

    private static FormatException Unreadable(Exception error) => error switch
    {
        CsvMissingHeadersException => new FormatException("the CSV has no header row", error),
        CsvRecordTooLargeException => new FormatException($"a CSV record runs past {MaxQuotedChars} characters: a quote left open?", error),
        _ => new FormatException($"the CSV cannot be read: {error.Message}", error),
    };

    private static bool Known(string column) =>
        Plain.Contains(column) || (column.StartsWith(DataPrefix, StringComparison.Ordinal) && column.Length > DataPrefix.Length);

    /// <summary>The record as a contact object: empty cells left out, <c>data.*</c> cells gathered into <c>data</c> as text.</summary>
    private static JsonElement Row(List<string> columns, List<string> cells)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            var data = new List<(string Name, string Value)>();
            for (var i = 0; i < columns.Count; i++)
            {
                if (cells[i].Length == 0)
                {
                    continue;
                }
                if (columns[i].StartsWith(DataPrefix, StringComparison.Ordinal))
                {
                    data.Add((columns[i][DataPrefix.Length..], cells[i]));
                }
                else
                {
                    json.WriteString(columns[i], cells[i].Trim());
                }
            }
            if (data.Count > 0)
            {
                json.WriteStartObject("data");
                foreach (var (name, value) in data)
                {
                    json.WriteString(name, value);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
