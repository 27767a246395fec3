namespace Switchboard.Contracts.Invitations;

/// <summary>
/// A proactive invitation: when every condition that is set holds, the visitor is invited with
/// <see cref="Text"/> (placeholders <c>{product}</c>: the page title; <c>{cartItem}</c>: the first cart item's name)
/// to chat in <see cref="Queue"/> (null: the site's default). Rules are tried by <see cref="Priority"/>, highest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.InvitationRule")]
public sealed record InvitationRule(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text)
{
    [Id(2)] public int Priority { get; init; }
    [Id(3)] public string? Queue { get; init; }
    [Id(4)] public string? UrlContains { get; init; }
    [Id(5)] public int? MinPageSeconds { get; init; }
    [Id(6)] public int? MinSiteSeconds { get; init; }
    [Id(7)] public int? MinPages { get; init; }
    [Id(8)] public bool? CartNotEmpty { get; init; }
    [Id(9)] public decimal? CartTotalAtLeast { get; init; }
    /// <summary>An abandoned cart: not empty and unchanged for this many minutes.</summary>
    [Id(10)] public int? CartUnchangedMinutes { get; init; }
    [Id(11)] public bool? Returning { get; init; }
    [Id(12)] public string? UtmSource { get; init; }
    [Id(13)] public string? UtmCampaign { get; init; }
}
