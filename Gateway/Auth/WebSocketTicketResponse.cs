namespace Switchboard.Gateway.Auth;

/// <summary>A one-time ticket for <c>/ws/operator?ticket=…</c>, good for <c>ExpiresInSeconds</c>.</summary>
public sealed record WebSocketTicketResponse(string Ticket, int ExpiresInSeconds);
