namespace Switchboard.Contracts.Webhooks;

/// <summary>One of a site's webhook endpoints: where deliveries go, the secret they are signed with, and what it wants.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string Secret,
    [property: Id(3)] IReadOnlyList<string> Events)
{
    /// <summary>When the endpoint was first registered (set by the site): it gets what happened from then on, not older history.</summary>
    [Id(4)] public DateTimeOffset Since { get; init; }

    public bool Wants(WebhookNotice notice) => Events.Contains(notice.Event) && notice.At >= Since;

    public bool Wants(string webhookEvent) => Events.Contains(webhookEvent);
}
