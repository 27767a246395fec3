using Microsoft.Extensions.Configuration;
using Orleans.Hosting;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Orleans' Kubernetes hosting on top of cluster mode, when <c>Cluster:Kubernetes:Enabled</c> is true.
/// Membership stays in Redis; Kubernetes adds the pod's identity and watches pods, so a deleted pod's silo
/// leaves the cluster without waiting for probes to time out.
/// </summary>
public static class KubernetesSiloExtensions
{
    public static ISiloBuilder UseSwitchboardKubernetes(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (!ClusterKubernetesOptions.From(configuration).Enabled)
        {
            return silo;
        }
        if (!ClusterModeOptions.From(configuration).IsCluster)
        {
            throw new InvalidOperationException(
                $"{ClusterKubernetesOptions.Section}:{nameof(ClusterKubernetesOptions.Enabled)} needs {ClusterModeOptions.Section}:{nameof(ClusterModeOptions.Mode)}={ClusterModeOptions.ClusterMode}.");
        }
        // The service and cluster ids stay Cluster:ServiceId and Cluster:ClusterId (the manifests fill them from
        // the pod's labels), so silos and gateways read them from one place; the advertised address stays
        // Cluster:AdvertisedIP (the pod's IP), which Orleans' hosting keeps when it is set.
        return silo.UseKubernetesHosting();
    }
}
