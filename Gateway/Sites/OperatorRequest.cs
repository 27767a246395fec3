namespace Switchboard.Gateway.Sites;

/// <summary>An operator account as an administrator sends it; the password only when setting or changing it.</summary>
public sealed record OperatorRequest(string Name, string Role, IReadOnlyList<string> Queues, int? Capacity, string? Password);
