using System.Text.RegularExpressions;
using Switchboard.Domain.Sites;
using Switchboard.Tests.Cluster;

namespace Switchboard.Tests.Domain;

/// <summary>
/// The project boundaries of docs/architecture.md: the gateway imports contracts and rules, and reaches grain-side
/// code only in Gateway/Hosting, where it co-hosts the silo; the rules themselves need no grain and no Orleans runtime.
/// </summary>
public sealed partial class LayeringTests
{
    private const string HostingFolder = "Hosting";

    [Fact]
    public void Gateway_code_outside_hosting_uses_no_grains_namespace()
    {
        var gateway = Path.Combine(ClusterNodes.RepoRoot, "Gateway");
        var files = Directory.EnumerateFiles(gateway, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(gateway, file))
            .Where(file => !IsBuildOutput(file))
            .ToList();
        Assert.True(files.Count > 20, $"Expected the gateway's sources under {gateway}, found {files.Count} files.");

        var offenders = files
            .Where(file => !file.StartsWith(HostingFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(file => GrainsNamespace().IsMatch(File.ReadAllText(Path.Combine(gateway, file))))
            .ToList();

        Assert.True(offenders.Count == 0,
            $"Gateway files outside Gateway/Hosting use a Switchboard.Grains namespace (move the rule to Domain, or the code to Hosting): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Domain_references_no_grains_and_no_orleans_runtime()
    {
        var references = typeof(PasswordHash).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Grains.Interfaces", references);
        Assert.DoesNotContain("Grains", references);
        Assert.DoesNotContain("Orleans.Runtime", references);
    }

    /// <summary>Any mention of the namespace, in a using or fully qualified; <c>Grains.Interfaces</c> is a project, not a namespace.</summary>
    [GeneratedRegex(@"\bSwitchboard\.Grains\b")]
    private static partial Regex GrainsNamespace();

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "publish";
}
