using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

[GenerateSerializer, Alias("Switchboard.SiteState")]
public sealed class SiteState
{
    [Id(0)] public SiteConfig? Config { get; set; }
    /// <summary>Messenger credentials by channel name; kept apart from <see cref="SiteConfig"/> so they never reach config readers.</summary>
    [Id(1)] public Dictionary<string, Contracts.Channels.ChannelSettings> Channels { get; set; } = new(StringComparer.Ordinal);
}
