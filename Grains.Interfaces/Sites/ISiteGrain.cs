namespace Switchboard.Contracts.Sites;

/// <summary>A site (tenant), key <c>site:{site}</c>: its configuration.</summary>
[Alias("Switchboard.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>The configuration, or null when the site does not exist.</summary>
    [Alias("GetConfig")]
    Task<SiteConfig?> GetConfig();

    /// <summary>Creates the site with this configuration unless it exists; true when it was created.</summary>
    [Alias("CreateIfAbsent")]
    Task<bool> CreateIfAbsent(SiteConfig config);
}
