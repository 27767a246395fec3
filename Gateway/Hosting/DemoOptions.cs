using System.ComponentModel.DataAnnotations;

namespace Switchboard.Gateway.Hosting;

/// <summary>The <c>Demo</c> section: the demo site's seed.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>The shipped password: accepted only in Development (<see cref="DemoPasswordCheck"/>).</summary>
    public const string DefaultPassword = "demo";

    /// <summary>Seed the demo site "demo" at start. Turn off in production: its logins have a known password.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Password of the demo logins anna, boris and olga; printed at start-up.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OperatorPassword { get; set; } = DefaultPassword;
}
