using System.CommandLine;

namespace Switchboard.LoadTests.Cli;

/// <summary>Options several commands share, declared once so their names and help read the same everywhere.</summary>
public static class CliOptions
{
    public static Option<string> Target() => new("--target")
    {
        Description = "The deployment's base URL, http://HOST:PORT",
        Required = true,
    };

    public static Option<string> Site(string fallback) => new("--site")
    {
        Description = "The site the visitors and operators belong to",
        DefaultValueFactory = _ => fallback,
    };

    public static Option<string?> Out() => new("--out")
    {
        Description = "Where the report goes; LoadTests/reports/<time>/ when absent",
    };

    /// <summary>A duration in seconds (a number, fractions allowed), as the options have always been given.</summary>
    public static Option<double> Seconds(string name, double fallback, string description) => new(name)
    {
        Description = $"{description}, in seconds",
        DefaultValueFactory = _ => fallback,
    };
}
