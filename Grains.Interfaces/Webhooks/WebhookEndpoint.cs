namespace Switchboard.Contracts.Webhooks;

/// <summary>One of a site's webhook endpoints: where deliveries go, the secret they are signed with, and what it wants.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string Secret,
    [property: Id(3)] IReadOnlyList<string> Events)
{
    public bool Wants(string webhookEvent) => Events.Contains(webhookEvent);
}
