namespace Switchboard.Domain.Monitoring;

/// <summary>A threshold crossed, with what the supervisor can do about it.</summary>
public sealed record Alert(string Kind, string Message, string Advice);
