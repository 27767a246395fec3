namespace Switchboard.Contracts.Help;

/// <summary>A text the site writes in both of the product's languages.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.LocalizedText")]
public sealed record LocalizedText([property: Id(0)] string En, [property: Id(1)] string Ru)
{
    /// <summary>The Russian text for a Russian visitor, else the English one.</summary>
    public string For(string? language) => language?.StartsWith("ru", StringComparison.OrdinalIgnoreCase) == true ? Ru : En;
}
