using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Contracts.Calls;

namespace Switchboard.Silo.Channels.Phone;

/// <summary>The answer's body, <c>{"commands":[…]}</c>: camelCase, each command with only its own fields.</summary>
public sealed record PhoneCommandsJson(IReadOnlyList<PhoneCommand> Commands)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
