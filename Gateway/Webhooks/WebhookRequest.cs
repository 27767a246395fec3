namespace Switchboard.Gateway.Webhooks;

/// <summary>
/// A supervisor's endpoint: where to post and which events. Without a secret a new one is made and returned once;
/// the secret is never shown again.
/// </summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);
