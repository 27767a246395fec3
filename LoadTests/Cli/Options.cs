using System.Globalization;

namespace Switchboard.LoadTests.Cli;

/// <summary>The command line: a command, then <c>--name value</c> pairs and <c>--flag</c>s.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private Options(string command) => Command = command;

    public string Command { get; }

    public static Options Parse(string[] args)
    {
        var options = new Options(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "help");
        for (var i = options.Command == "help" ? 0 : 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            var name = args[i][2..];
            var equals = name.IndexOf('=');
            if (equals > 0)
            {
                options._values[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options._values[name] = args[++i];
            }
            else
            {
                options._values[name] = "true";
            }
        }
        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public int Int(string name, int fallback) => Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Get(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback);

    public bool Flag(string name) => Get(name) is "true" or "1" or "yes";
}
