namespace Switchboard.Gateway.Sites;

/// <summary>
/// An operator account as an administrator sends it; the password only when setting or changing it; <c>Disabled</c>
/// only when switching sign-in off or on again (absent keeps it as it is).
/// </summary>
public sealed record OperatorRequest(string Name, string Role, IReadOnlyList<string> Queues, int? Capacity, string? Password, bool? Disabled = null);
