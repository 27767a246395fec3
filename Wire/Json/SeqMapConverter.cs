using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Wire.Json;

/// <summary>An object of conversation id to last seq; entries that are not a whole number of 0 or more are ignored.</summary>
public sealed class SeqMapConverter : JsonConverter<IReadOnlyDictionary<string, long>?>
{
    public override IReadOnlyDictionary<string, long>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Not an object.");
        }
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seq) && seq >= 0)
            {
                seqs[id] = seq;
            }
            reader.Skip();
        }
        return seqs;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, long>? value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, seq) in value ?? new Dictionary<string, long>())
        {
            writer.WriteNumber(id, seq);
        }
        writer.WriteEndObject();
    }
}
