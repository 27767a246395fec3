namespace Switchboard.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("Switchboard.SiteSettings")]
public sealed record SiteSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] IReadOnlyList<string> AllowedOrigins,
    [property: Id(3)] string DefaultQueue)
{
    /// <summary>Seats a call takes of an operator's capacity where its queue does not say; null is 1.</summary>
    [Id(4)] public int? CallWeight { get; init; }
    /// <summary>An operator on a call takes no new chats, where its queue does not say; null is no.</summary>
    [Id(5)] public bool? CallBlocksChats { get; init; }
    /// <summary>The site's IANA time zone for reports; null is UTC.</summary>
    [Id(24)] public string? TimeZone { get; init; }
}
