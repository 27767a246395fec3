using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Wire.Json;

/// <summary>True only for a JSON <c>true</c>; any other value (or none) is false.</summary>
public sealed class TrueOnlyConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var accepted = reader.TokenType == JsonTokenType.True;
        reader.Skip();
        return accepted;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
