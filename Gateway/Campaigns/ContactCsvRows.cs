using System.Text;
using System.Text.Json;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// A contact list as CSV (<c>text/csv</c>, RFC 4180: commas, double quotes, quoted line breaks), read a record at a time:
/// a header row names the columns (<c>phone</c>, <c>customerId</c>, <c>name</c>, <c>timeZone</c> and <c>data.*</c>, in
/// any order), and each record becomes the same JSON object a JSON list would carry, so it is checked by the same rules.
/// A record whose cells do not match the header is a refused row.
/// </summary>
public static class ContactCsvRows
{
    public const string DataPrefix = "data.";
    /// <summary>A quoted cell may span lines; one left open must not swallow the rest of a long list into memory.</summary>
    public const int MaxQuotedChars = 64 * 1024;
    private static readonly HashSet<string> Plain = new(StringComparer.Ordinal) { "phone", "customerId", "name", "timeZone" };

    /// <summary>The rows after the header; a <see cref="FormatException"/> when the header is missing, lacks phone, or names an unknown column or one twice.</summary>
    public static async IAsyncEnumerable<ContactRow> ReadAsync(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var header = await RecordAsync(reader, cancellationToken) ?? throw new FormatException("the CSV has no header row");
        var columns = header.Select(c => c.Trim()).ToList();
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
        while (await RecordAsync(reader, cancellationToken) is { } record)
        {
            if (record is [""])
            {
                continue;
            }
            yield return record.Count == columns.Count
                ? new ContactRow(Row(columns, record))
                : ContactRow.Broken($"{record.Count} cells where the header has {columns.Count}");
        }
    }

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

    /// <summary>The next record's cells, or null at the end. A quoted cell may hold commas, doubled quotes and line breaks.</summary>
    private static async Task<List<string>?> RecordAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        if (await reader.ReadLineAsync(cancellationToken) is not { } line)
        {
            return null;
        }
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        cell.Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"' && cell.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }
            // A line break inside quotes belongs to the cell: the record goes on on the next line.
            if (!quoted || await reader.ReadLineAsync(cancellationToken) is not { } next)
            {
                break;
            }
            if (cell.Length > MaxQuotedChars)
            {
                throw new FormatException($"a quoted cell runs past {MaxQuotedChars} characters: a quote left open?");
            }
            cell.Append('\n');
            line = next;
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
