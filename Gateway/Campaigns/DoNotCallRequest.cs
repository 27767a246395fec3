namespace Switchboard.Gateway.Campaigns;

/// <summary><c>POST /api/sites/{site}/do-not-call</c>: numbers no campaign of the site may call.</summary>
public sealed record DoNotCallRequest(IReadOnlyList<string>? Phones);
