using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

[GenerateSerializer, Alias("Switchboard.SiteState")]
public sealed class SiteState
{
    [Id(0)] public SiteConfig? Config { get; set; }
}
