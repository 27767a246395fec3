namespace Switchboard.Contracts.Exports;

/// <summary>Where a site's exports go.</summary>
public static class ExportTargets
{
    /// <summary>One NDJSON file per window in the deployment's export directory, under the site's name.</summary>
    public const string Directory = "directory";
    /// <summary>One signed POST of the window's NDJSON to the retailer's URL.</summary>
    public const string Http = "http";
}
