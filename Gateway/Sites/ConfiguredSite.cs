namespace Switchboard.Gateway.Sites;

/// <summary>
/// One entry of the <c>Sites</c> section: a retailer's own site, created at start when it does not exist yet, with one
/// supervisor who then sets up queues, operators and the rest through the REST API (docs/configuration.md, "Sites").
/// </summary>
public sealed class ConfiguredSite
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary><c>ru</c>, <c>en</c> or <c>auto</c> (the browser's).</summary>
    public string Language { get; set; } = "auto";
    /// <summary>The shop's origins that may embed the widget, e.g. <c>https://shop.example</c>.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
    public string AdminLogin { get; set; } = "admin";
    public string AdminName { get; set; } = "Administrator";
    /// <summary>The supervisor's first password (a secret: give it through the environment, not a file in the repository).</summary>
    public string AdminPassword { get; set; } = "";
}
