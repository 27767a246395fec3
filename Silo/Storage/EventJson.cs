using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Silo.Storage;

/// <summary>The stored form of an event: compact JSON, generated at compile time, absent fields left out.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationEvent))]
public sealed partial class EventJson : JsonSerializerContext;
