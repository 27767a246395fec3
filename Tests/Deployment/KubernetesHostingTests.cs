using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using Switchboard.Silo.Hosting;

namespace Switchboard.Tests.Deployment;

/// <summary>The pod's variables are process-wide, so nothing else runs beside these tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PodEnvironmentCollection
{
    public const string Name = "pod environment";
}

/// <summary>
/// A silo host built (not started) as silo.yaml configures it: Orleans' Kubernetes hosting only when
/// <c>Cluster:Kubernetes:Enabled</c> is on, the pod's name as the silo's, ids and address from our settings.
/// </summary>
[Collection(PodEnvironmentCollection.Name)]
public sealed class KubernetesHostingTests : IDisposable
{
    private const string PodName = "switchboard-silo-7d9f-abcde";
    private const string PodIP = "127.0.0.7";

    public KubernetesHostingTests()
    {
        Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable, PodName);
        Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, "switchboard");
        Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodIPEnvironmentVariable, PodIP);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable, null);
        Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, null);
        Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodIPEnvironmentVariable, null);
    }

    [Fact]
    public void With_Kubernetes_on_the_silo_takes_the_pods_name_and_keeps_our_ids_and_address()
    {
        using var host = BuildSilo(kubernetes: true);

        Assert.Equal(PodName, host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("shop-service", "shop-cluster"), (cluster.ServiceId, cluster.ClusterId));
        Assert.Equal(PodIP, host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress?.ToString());
        // Orleans validates these at start: the namespace and pod name are there and agree with the silo's name.
        Assert.Equal("switchboard", GetNamespace(host.Services.GetRequiredService<IOptions<KubernetesHostingOptions>>().Value));
        Assert.Contains(KubernetesServices(host), type => type.Name.Contains("Kubernetes", StringComparison.Ordinal));
    }

    [Fact]
    public void With_Kubernetes_off_nothing_of_it_is_registered_even_in_a_pod()
    {
        using var host = BuildSilo(kubernetes: false);

        Assert.NotEqual(PodName, host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        Assert.Empty(KubernetesServices(host));
    }

    [Fact]
    public void Kubernetes_hosting_without_cluster_mode_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuildSilo(kubernetes: true, mode: ClusterModeOptions.StandaloneMode).Dispose());
        Assert.Contains(ClusterKubernetesOptions.Section, error.Message);
    }

    private static SiloUnderTest BuildSilo(bool kubernetes, string mode = ClusterModeOptions.ClusterMode)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = mode,
            ["Cluster:ServiceId"] = "shop-service",
            ["Cluster:ClusterId"] = "shop-cluster",
            ["Cluster:Redis"] = "127.0.0.1:1",
            ["Cluster:Postgres"] = "Host=127.0.0.1;Port=1;Database=none",
            ["Cluster:AdvertisedIP"] = PodIP,
            ["Cluster:Kubernetes:Enabled"] = kubernetes ? "true" : "false",
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "switchboard-kubernetes-test-unused"),
        });
        builder.UseOrleans(silo => silo.UseSwitchboard(builder.Configuration).UseSwitchboardKubernetes(builder.Configuration));
        var registered = builder.Services.ToList();
        return new SiloUnderTest(builder.Build(), registered);
    }

    /// <summary>
    /// The services that Orleans' Kubernetes package registered: its own types, as services or implementations.
    /// Its serializer metadata is left out: Orleans registers that for every referenced assembly.
    /// </summary>
    private static List<Type> KubernetesServices(SiloUnderTest silo)
    {
        var assembly = typeof(KubernetesHostingOptions).Assembly;
        return silo.Registered
            .SelectMany(descriptor => new[] { descriptor.ServiceType, descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType })
            .OfType<Type>()
            .Where(type => type.Assembly == assembly && type.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) != true)
            .ToList();
    }

    private sealed record SiloUnderTest(IHost Host, IReadOnlyList<ServiceDescriptor> Registered) : IDisposable
    {
        public IServiceProvider Services => Host.Services;

        public void Dispose() => Host.Dispose();
    }

    private static string? GetNamespace(KubernetesHostingOptions options) =>
        (string?)typeof(KubernetesHostingOptions).GetProperty("Namespace", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?.GetValue(options);
}
