using System.Diagnostics;

namespace Switchboard.Tests.Deployment;

/// <summary>
/// yamllint (Debian's package; .ci/test installs it) over the compose file, the Kubernetes manifests and the
/// repository's .yamllint.yaml, strict: warnings fail too.
/// </summary>
public sealed class ManifestLintTests
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Compose_file_and_manifests_pass_yamllint()
    {
        var (exitCode, output) = await RunYamllintAsync("docker-compose.yml", "deploy/kubernetes");
        Assert.True(exitCode == 0, $"yamllint found problems:\n{output}");
    }

    [Fact]
    public async Task Yamllint_rejects_a_broken_manifest()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("switchboard-lint-").FullName, "broken.yaml");
        await File.WriteAllTextAsync(broken, "---\nkind: Deployment\nspec:\n  replicas: 2\n   selector: {}\n");
        try
        {
            var (exitCode, _) = await RunYamllintAsync(broken);
            Assert.NotEqual(0, exitCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunYamllintAsync(params string[] paths)
    {
        var start = new ProcessStartInfo("yamllint")
        {
            WorkingDirectory = DeploymentFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--strict", "--format", "parsable", "-c", ".yamllint.yaml" }.Concat(paths))
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "yamllint is not installed; bash .ci/test installs it as root, or: sudo apt-get install yamllint");
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(LintTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await errors);
        }
    }
}
