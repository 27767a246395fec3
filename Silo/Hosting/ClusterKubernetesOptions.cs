using Microsoft.Extensions.Configuration;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The <c>Cluster:Kubernetes</c> section: a silo that runs as a Kubernetes pod (deploy/kubernetes/). Off by
/// default, so the Redis clustering path is exactly the same on every other host.
/// </summary>
public sealed class ClusterKubernetesOptions
{
    public const string Section = "Cluster:Kubernetes";

    /// <summary>
    /// Turns on Orleans' Kubernetes hosting: the pod's name becomes the silo's name, and a silo whose pod is
    /// deleted is declared dead at once instead of after missed probes. Needs <c>POD_NAME</c>,
    /// <c>POD_NAMESPACE</c> and <c>POD_IP</c> from the downward API and a role that may read and label pods.
    /// </summary>
    public bool Enabled { get; set; }

    public static ClusterKubernetesOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterKubernetesOptions>() ?? new ClusterKubernetesOptions();
}
