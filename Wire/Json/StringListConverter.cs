using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Wire.Json;

/// <summary>
/// Up to <see cref="MaxItems"/> strings (tags, quick replies): a value that is not an array counts as absent, but an
/// array must hold strings. Items past the limit are dropped unread.
/// </summary>
public sealed class StringListConverter : JsonConverter<IReadOnlyList<string>?>
{
    public const int MaxItems = 16;

    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (items.Count == MaxItems)
            {
                reader.Skip();
                continue;
            }
            items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Not a string."));
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string>? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value ?? [])
        {
            writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}
