namespace Switchboard.Contracts.Sites;

/// <summary>One pre-chat form field, e.g. a B2B queue's company name and tax number.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.FormField")]
public sealed record FormField(
    [property: Id(0)] string Id,
    [property: Id(1)] string Label,
    [property: Id(2)] bool Required);
