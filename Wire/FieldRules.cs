using Switchboard.Contracts;

namespace Switchboard.Wire;

/// <summary>The checks every transport applies to a frame's fields, with the errors docs/protocol.md promises.</summary>
public static class FieldRules
{
    public const int MaxClientIdLength = 128;

    public static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw Bad($"'{name}' is required.");

    /// <summary>The client id of a send: required, short.</summary>
    public static string ClientId(string? id, string name = "id")
    {
        var value = Required(id, name);
        return value.Length <= MaxClientIdLength ? value : throw Bad($"'{name}' is at most {MaxClientIdLength} characters.");
    }

    /// <summary>The text in <paramref name="name"/>, refused with <c>too_large</c> past <paramref name="maxLength"/> characters.</summary>
    public static string? Text(string? text, string name, int maxLength, bool required)
    {
        var value = required ? Required(text, name) : text;
        return value is { Length: var length } && length > maxLength
            ? throw new SwitchboardException(ErrorCodes.TooLarge, $"A message is at most {maxLength} characters.")
            : value;
    }

    public static SwitchboardException Bad(string message) => SwitchboardException.BadRequest(message);
}
