namespace Switchboard.Contracts.Webhooks;

/// <summary>What one attempt to deliver got: a 2xx, or the status code or error that says why not.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookOutcome")]
public sealed record WebhookOutcome(
    [property: Id(0)] bool Delivered,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] string? Error)
{
    public static WebhookOutcome Ok(int statusCode) => new(true, statusCode, null);
    public static WebhookOutcome Failed(int? statusCode, string error) => new(false, statusCode, error);
}
