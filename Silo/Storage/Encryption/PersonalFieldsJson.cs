using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>The sealed form of <see cref="PersonalFields"/>: compact JSON, generated at compile time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PersonalFields))]
public sealed partial class PersonalFieldsJson : JsonSerializerContext;
