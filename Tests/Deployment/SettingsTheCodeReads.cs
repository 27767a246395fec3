using System.Reflection;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Switchboard.Tests.Deployment;

/// <summary>
/// Which configuration keys and environment variables Switchboard reads, found by reflection: every type of
/// the product with a <c>public const string Section</c> is bound from that section, so its settable
/// properties are the keys. Sections the product binds onto Orleans' own options types are listed below by
/// their section name; a test checks each name is still a constant in the product.
/// </summary>
public sealed class SettingsTheCodeReads
{
    /// <summary>Sections bound onto framework types (ClusterSiloExtensions, ClusterClientHosting, DashboardExtensions).</summary>
    public static readonly IReadOnlyDictionary<string, Type[]> SectionsBoundOntoOrleans = new Dictionary<string, Type[]>
    {
        ["Cluster:Membership"] = [typeof(ClusterMembershipOptions)],
        ["Cluster:Messaging"] = [typeof(SiloMessagingOptions), typeof(ClientMessagingOptions)],
        ["Cluster:Gateways"] = [typeof(Orleans.Configuration.GatewayOptions)],
        ["Dashboard"] = [typeof(Orleans.Dashboard.DashboardOptions)],
    };

    /// <summary>ASP.NET Core's own variables that the deployment files use (not configuration sections of ours).</summary>
    public static readonly IReadOnlySet<string> AspNetCoreVariables = new HashSet<string>
    {
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_URLS",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
    };

    /// <summary>The logging providers' section: its keys are categories and provider settings, not properties.</summary>
    public const string LoggingSection = "Logging";

    private readonly List<(string Section, Type Type)> _sections;

    public SettingsTheCodeReads()
    {
        _sections = ProductAssemblies()
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(entry => entry.Field is { IsLiteral: true } && entry.Field.FieldType == typeof(string)
                && !entry.Type.IsAbstract && entry.Type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(entry => ((string)entry.Field!.GetRawConstantValue()!, entry.Type))
            .Concat(SectionsBoundOntoOrleans.SelectMany(pair => pair.Value.Select(type => (pair.Key, type))))
            .ToList();
    }

    /// <summary>The sections found, for the tests' own sanity checks.</summary>
    public IReadOnlyList<(string Section, Type Type)> Sections => _sections;

    /// <summary>Environment variables Orleans' Kubernetes hosting reads (its <c>…EnvironmentVariable</c> constants).</summary>
    public static IReadOnlySet<string> KubernetesHostingVariables { get; } = typeof(KubernetesHostingOptions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet();

    /// <summary>
    /// Why <paramref name="setting"/> is not something the code reads, or null when it is: its key must bind,
    /// value included, onto a property of a type bound from the longest section that contains it.
    /// </summary>
    public string? Reject(EnvironmentSetting setting)
    {
        if (!setting.Name.Contains("__", StringComparison.Ordinal))
        {
            return AspNetCoreVariables.Contains(setting.Name) || KubernetesHostingVariables.Contains(setting.Name)
                ? null
                : "neither a Section__Key setting nor a variable ASP.NET Core or Orleans' Kubernetes hosting reads";
        }
        var key = setting.ConfigurationKey;
        if (key.StartsWith(LoggingSection + ":", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var matching = _sections
            .Where(entry => key.StartsWith(entry.Section + ":", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (matching.Count == 0)
        {
            return "no options type is bound from any section of it";
        }
        var longest = matching.Max(entry => entry.Section.Length);
        var candidates = matching.Where(entry => entry.Section.Length == longest).ToList();
        var relativeKey = key[(longest + 1)..];
        var errors = new List<string>();
        foreach (var (_, type) in candidates)
        {
            var error = TryBind(type, relativeKey, setting.Value);
            if (error is null)
            {
                return null;
            }
            errors.Add($"{type.Name}: {error}");
        }
        return string.Join("; ", errors);
    }

    private static string? TryBind(Type type, string relativeKey, string? value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(relativeKey, value)])
            .Build();
        try
        {
            configuration.Bind(Activator.CreateInstance(type)!, options => options.ErrorOnUnknownConfiguration = true);
            return null;
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }
    }

    /// <summary>Every string constant of the product, e.g. the section names its hosting code binds.</summary>
    public static IReadOnlySet<string> ProductConstants() => ProductAssemblies()
        .SelectMany(assembly => assembly.GetTypes())
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet();

    /// <summary>The product's assemblies (Switchboard.* namespaces), reached from the tests' references.</summary>
    private static IEnumerable<Assembly> ProductAssemblies()
    {
        var seen = new HashSet<string>();
        var pending = new Stack<Assembly>([typeof(SettingsTheCodeReads).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFramework(reference.Name) || !seen.Add(reference.Name!))
                {
                    continue;
                }
                var loaded = Assembly.Load(reference);
                pending.Push(loaded);
                if (loaded.GetTypes().Any(type => type.Namespace?.StartsWith("Switchboard.", StringComparison.Ordinal) == true))
                {
                    yield return loaded;
                }
            }
        }
    }

    private static bool IsFramework(string? name) => name is null
        || name.StartsWith("System", StringComparison.Ordinal)
        || name.StartsWith("Microsoft", StringComparison.Ordinal)
        || name.StartsWith("Orleans", StringComparison.Ordinal)
        || name.StartsWith("xunit", StringComparison.Ordinal)
        || name is "netstandard" or "mscorlib";
}
