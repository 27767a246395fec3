namespace Switchboard.Grains.Sites;

[GenerateSerializer, Alias("Switchboard.SiteDirectoryState")]
public sealed class SiteDirectoryState
{
    [Id(0)] public HashSet<string> Sites { get; set; } = new(StringComparer.Ordinal);
}
