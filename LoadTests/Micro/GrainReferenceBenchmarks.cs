using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;

namespace Switchboard.LoadTests.Micro;

/// <summary>
/// A grain reference per frame, as the gateway and the grains make them: Orleans' <c>GetGrain&lt;T&gt;(key)</c> against
/// <see cref="GrainReferences.Grain{T}"/>, which keeps the interface's resolved types. Made in a silo of its own on
/// loopback (it knows the product's grain classes); building a reference is local, no grain is called.
/// </summary>
[MemoryDiagnoser]
public class GrainReferenceBenchmarks
{
    private IHost _silo = null!;
    private IGrainFactory _grains = null!;
    private readonly string _key = GrainKeys.Conversation("bench", GrainKeys.NewId());

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()));
        _silo = builder.Build();
        await _silo.StartAsync();
        _grains = _silo.Services.GetRequiredService<IGrainFactory>();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _silo.StopAsync();
        _silo.Dispose();
    }

    [Benchmark(Baseline = true, Description = "GetGrain<IConversationGrain>(key)")]
    public IConversationGrain OrleansGetGrain() => _grains.GetGrain<IConversationGrain>(_key);

    [Benchmark(Description = "Grain<IConversationGrain>(key), types kept")]
    public IConversationGrain KeptTypes() => _grains.Grain<IConversationGrain>(_key);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
