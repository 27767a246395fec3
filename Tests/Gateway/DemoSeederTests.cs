using Microsoft.Extensions.DependencyInjection;
using Switchboard.Gateway.Hosting;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>The demo site's seeding at start, when the cluster is slow to answer its first call.</summary>
public sealed class DemoSeederTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_seeding_call_that_times_out_is_tried_again_and_the_gateway_starts_with_the_demo_site()
    {
        var timeouts = new TimedOutCalls("CreateIfAbsent", DemoSeeder.Attempts - 1);
        using var host = new GatewayHost(_data.Path, services: services => services.AddSingleton<IOutgoingGrainCallFilter>(timeouts));

        Assert.Equal(DemoSeeder.Attempts - 1, timeouts.Thrown);
        Assert.NotEmpty(await host.LoginAsync("demo", "anna", GatewayHost.DemoPassword));
    }

    [Fact]
    public void A_seeding_call_that_times_out_every_time_fails_the_start()
    {
        var timeouts = new TimedOutCalls("CreateIfAbsent", DemoSeeder.Attempts);

        Assert.ThrowsAny<Exception>(() => new GatewayHost(_data.Path, services: services => services.AddSingleton<IOutgoingGrainCallFilter>(timeouts)));
        Assert.Equal(DemoSeeder.Attempts, timeouts.Thrown);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>The first <paramref name="count"/> calls of <paramref name="method"/> time out, as a busy silo's would.</summary>
    private sealed class TimedOutCalls(string method, int count) : IOutgoingGrainCallFilter
    {
        private int _thrown;

        public int Thrown => _thrown;

        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.MethodName == method && Interlocked.Increment(ref _thrown) <= count)
            {
                throw new TimeoutException($"{method} did not answer in time (test)");
            }
            if (context.MethodName == method)
            {
                Interlocked.Decrement(ref _thrown);
            }
            return context.Invoke();
        }
    }
}
