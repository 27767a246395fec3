using System.Text.RegularExpressions;

namespace Switchboard.Tests.Deployment;

/// <summary>
/// The compose file, the Kubernetes manifests and the Dockerfiles agree: image names, ports, probes, ids
/// and secrets, so none of them can drift from the others unnoticed.
/// </summary>
public sealed partial class DeploymentAgreementTests
{
    private static readonly string[] Projects = ["Silo", "Gateway"];

    [Fact]
    public void Compose_builds_each_image_from_its_Dockerfile_and_the_manifests_run_those_images()
    {
        var compose = YamlDocuments.Load(DeploymentFiles.Compose).Single();
        var composeImages = compose.Map("services").Values.OfType<Dictionary<object, object?>>()
            .Where(service => service.Map("build").Count > 0)
            .Select(service => (Dockerfile: service.Map("build").Text("dockerfile") ?? "", Image: service.Text("image") ?? "", Context: service.Map("build").Text("context") ?? ""))
            .Distinct()
            .ToList();
        Assert.Equal(
            Projects.Select(project => ($"{project}/Dockerfile", $"switchboard-{project.ToLowerInvariant()}", ".")).Order(),
            composeImages.Order());

        var kustomizedImages = YamlDocuments.Load(DeploymentFiles.Kustomization).Single().Seq("images").Maps()
            .Select(image => image.Text("name")).Order().ToList();
        var manifestImages = DeploymentFiles.Containers().Select(entry => entry.Container.Text("image")).Distinct().Order().ToList();
        Assert.Equal(composeImages.Select(image => image.Image).Order(), manifestImages);
        Assert.Equal(manifestImages, kustomizedImages);
    }

    [Fact]
    public void Every_manifest_is_in_the_kustomization()
    {
        var resources = YamlDocuments.Load(DeploymentFiles.Kustomization).Single().Seq("resources").Cast<string>().Order();
        Assert.Equal(DeploymentFiles.Manifests.Select(Path.GetFileName).Order(), resources);
    }

    [Fact]
    public void Container_ports_probes_and_scrape_ports_are_ports_the_image_exposes()
    {
        foreach (var (deployment, pod, container) in DeploymentFiles.Containers())
        {
            var project = ProjectOf(container.Text("image"));
            var exposed = Exposed(project);
            var ports = container.Seq("ports").Maps()
                .ToDictionary(port => port.Text("name")!, port => int.Parse(port.Text("containerPort")!));
            Assert.True(ports.Values.All(exposed.Contains), $"{deployment}: ports {string.Join(",", ports.Values)}, {project}/Dockerfile exposes {string.Join(",", exposed)}");

            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                var check = container.Map(probe);
                var port = check.Map("httpGet").Text("port") ?? check.Map("tcpSocket").Text("port");
                Assert.True(port is not null && ports.ContainsKey(port), $"{deployment}: {probe} on port '{port}', not a named container port");
            }
            var scrapePort = int.Parse(pod.Map("metadata").Map("annotations").Text("prometheus.io/port")!);
            Assert.Contains(scrapePort, ports.Values);
        }
    }

    [Fact]
    public void The_ports_the_settings_name_are_the_ports_the_containers_open()
    {
        var siloDockerfile = DockerfileEnvironment("Silo");
        var gatewayDockerfile = DockerfileEnvironment("Gateway");
        var silo = DeploymentFiles.Containers().Single(entry => ProjectOf(entry.Container.Text("image")) == "Silo");
        var gateway = DeploymentFiles.Containers().Single(entry => ProjectOf(entry.Container.Text("image")) == "Gateway");

        Assert.Equal(siloDockerfile["Cluster__SiloPort"], Port(silo.Container, "silo"));
        Assert.Equal(siloDockerfile["Cluster__GatewayPort"], Port(silo.Container, "orleans-gw"));
        Assert.Equal(siloDockerfile["Cluster__SiloPort"], Env(silo.Container, "Cluster__SiloPort"));
        Assert.Equal(siloDockerfile["Cluster__GatewayPort"], Env(silo.Container, "Cluster__GatewayPort"));
        Assert.Equal(Env(silo.Container, "Metrics__SiloPort"), Port(silo.Container, "metrics"));
        Assert.Equal(gatewayDockerfile["ASPNETCORE_HTTP_PORTS"], Port(gateway.Container, "http"));
        Assert.Equal(gatewayDockerfile["ASPNETCORE_HTTP_PORTS"], Env(gateway.Container, "ASPNETCORE_HTTP_PORTS"));

        // nginx in front of the compose gateways reaches them on the image's port.
        var nginx = File.ReadAllText(Path.Combine(DeploymentFiles.Root, "Gateway", "deploy", "nginx.conf"));
        Assert.All(UpstreamPort().Matches(nginx), match => Assert.Equal(gatewayDockerfile["ASPNETCORE_HTTP_PORTS"], match.Groups[1].Value));
    }

    [Fact]
    public void Gateways_join_the_cluster_the_silo_labels_name()
    {
        var silo = DeploymentFiles.Containers().Single(entry => ProjectOf(entry.Container.Text("image")) == "Silo");
        var gateway = DeploymentFiles.Containers().Single(entry => ProjectOf(entry.Container.Text("image")) == "Gateway");
        var labels = silo.Pod.Map("metadata").Map("labels");

        Assert.Equal("metadata.labels['orleans/serviceId']", FieldRef(silo.Container, "Cluster__ServiceId"));
        Assert.Equal("metadata.labels['orleans/clusterId']", FieldRef(silo.Container, "Cluster__ClusterId"));
        Assert.Equal(labels.Text("orleans/serviceId"), Env(gateway.Container, "Cluster__ServiceId"));
        Assert.Equal(labels.Text("orleans/clusterId"), Env(gateway.Container, "Cluster__ClusterId"));
        Assert.DoesNotContain(gateway.Pod.Map("metadata").Map("labels").Keys.Cast<string>(), key => key.StartsWith("orleans/", StringComparison.Ordinal));
        Assert.Equal("status.podIP", FieldRef(silo.Container, "Cluster__AdvertisedIP"));
        Assert.Equal("true", Env(silo.Container, "Cluster__Kubernetes__Enabled"));
    }

    [Fact]
    public void Every_secret_key_the_pods_read_is_in_the_example_connections_file()
    {
        var example = File.ReadAllLines(Path.Combine(DeploymentFiles.KubernetesDirectory, "connections.env.example"))
            .Where(line => line.Contains('=') && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('=')])
            .ToHashSet();
        var generated = YamlDocuments.Load(DeploymentFiles.Kustomization).Single().Seq("secretGenerator").Maps()
            .Select(secret => secret.Text("name")).ToHashSet();
        var references = DeploymentFiles.Containers()
            .SelectMany(entry => entry.Container.Seq("env").Maps())
            .Select(variable => variable.Map("valueFrom").Map("secretKeyRef"))
            .Where(reference => reference.Count > 0)
            .ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            Assert.Contains(reference.Text("name"), generated);
            Assert.Contains(reference.Text("key")!, example);
        });
    }

    [Fact]
    public void Disruption_budgets_select_the_deployments_pods()
    {
        var budgets = DeploymentFiles.KubernetesObjects().Where(entry => entry.Object.Text("kind") == "PodDisruptionBudget")
            .Select(entry => entry.Object.Map("spec").Map("selector").Map("matchLabels").Text("app.kubernetes.io/name"))
            .Order();
        var deployments = DeploymentFiles.Containers().Select(entry => entry.Pod.Map("metadata").Map("labels").Text("app.kubernetes.io/name")).Order();
        Assert.Equal(deployments, budgets);
    }

    private static string ProjectOf(string? image) =>
        Projects.Single(project => image == $"switchboard-{project.ToLowerInvariant()}");

    private static HashSet<int> Exposed(string project) => DeploymentFiles.DockerfileInstructions(project)
        .Where(line => line.StartsWith("EXPOSE ", StringComparison.Ordinal))
        .SelectMany(line => line["EXPOSE ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(int.Parse)
        .ToHashSet();

    private static Dictionary<string, string> DockerfileEnvironment(string project) => DeploymentFiles.DockerfileInstructions(project)
        .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
        .SelectMany(line => line["ENV ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1]);

    private static string Port(Dictionary<object, object?> container, string name) =>
        container.Seq("ports").Maps().Single(port => port.Text("name") == name).Text("containerPort")!;

    private static string? Env(Dictionary<object, object?> container, string name) =>
        container.Seq("env").Maps().Single(variable => variable.Text("name") == name).Text("value");

    private static string? FieldRef(Dictionary<object, object?> container, string name) =>
        container.Seq("env").Maps().Single(variable => variable.Text("name") == name).Map("valueFrom").Map("fieldRef").Text("fieldPath");

    [GeneratedRegex(@"server\s+[\w.-]+:(\d+)")]
    private static partial Regex UpstreamPort();
}
