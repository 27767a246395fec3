using Switchboard.Tests.Cluster;

namespace Switchboard.Tests.Deployment;

/// <summary>
/// The repository's deployment files as the tests read them: docker-compose.yml, the Dockerfiles and the
/// Kubernetes manifests under deploy/kubernetes/.
/// </summary>
public static class DeploymentFiles
{
    public static string Root => ClusterNodes.RepoRoot;

    public static string Compose => Path.Combine(Root, "docker-compose.yml");

    public static string KubernetesDirectory => Path.Combine(Root, "deploy", "kubernetes");

    public static string Kustomization => Path.Combine(KubernetesDirectory, "kustomization.yaml");

    /// <summary>Every manifest but the kustomization itself.</summary>
    public static IReadOnlyList<string> Manifests => Directory.GetFiles(KubernetesDirectory, "*.yaml")
        .Where(path => path != Kustomization)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every Kubernetes object of every manifest.</summary>
    public static IEnumerable<(string File, Dictionary<object, object?> Object)> KubernetesObjects() =>
        Manifests.SelectMany(path => YamlDocuments.Load(path).Select(document => (Path.GetFileName(path), document)));

    /// <summary>Every Deployment's containers, by Deployment name.</summary>
    public static IEnumerable<(string Deployment, Dictionary<object, object?> Pod, Dictionary<object, object?> Container)> Containers() =>
        from entry in KubernetesObjects()
        where entry.Object.Text("kind") == "Deployment"
        let pod = entry.Object.Map("spec").Map("template")
        from container in pod.Map("spec").Seq("containers").Maps()
        select (entry.Object.Map("metadata").Text("name") ?? "", pod, container);

    /// <summary>
    /// Every environment variable the compose file and the manifests give Switchboard's own containers (not
    /// Redis', PostgreSQL's or nginx's): where, its name, and its value (null when it comes from a Secret or the
    /// downward API).
    /// </summary>
    public static IEnumerable<EnvironmentSetting> EnvironmentSettings()
    {
        var compose = YamlDocuments.Load(Compose).Single();
        foreach (var (service, definition) in compose.Map("services"))
        {
            if (definition is Dictionary<object, object?> map && map.Map("build").Count > 0)
            {
                foreach (var (name, value) in map.Map("environment"))
                {
                    yield return new EnvironmentSetting($"docker-compose.yml {service}", (string)name, value as string);
                }
            }
        }
        foreach (var (deployment, _, container) in Containers())
        {
            foreach (var variable in container.Seq("env").Maps())
            {
                yield return new EnvironmentSetting($"deploy/kubernetes {deployment}", variable.Text("name") ?? "", variable.Text("value"));
            }
        }
    }

    /// <summary>The <c>ENV</c>, <c>EXPOSE</c> and other instructions of a Dockerfile, continuation lines joined.</summary>
    public static IReadOnlyList<string> DockerfileInstructions(string project)
    {
        var joined = File.ReadAllText(Path.Combine(Root, project, "Dockerfile")).Replace("\\\n", " ");
        return joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }
}
