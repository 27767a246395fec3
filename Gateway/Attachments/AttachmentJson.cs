using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Gateway.Attachments;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredAttachment))]
public sealed partial class AttachmentJson : JsonSerializerContext;
