namespace Switchboard.Gateway.Hosting;

/// <summary>The <c>Demo</c> section: the standalone demo site's seed.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Password of the demo logins anna, boris and olga; printed at start-up.</summary>
    public string OperatorPassword { get; set; } = "demo";
}
