using Microsoft.Extensions.Hosting;
using Switchboard.Silo.Hosting;

// A silo on its own: cluster mode (Cluster:Mode=Cluster) on Redis and PostgreSQL, as docs/deployment.md
// describes. In standalone mode the gateway usually co-hosts this silo in-process instead.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddSiloDefaults();
builder.UseOrleans(silo => silo.UseSwitchboard(builder.Configuration).UseSwitchboardKubernetes(builder.Configuration));
builder.Services.AddSiloMetrics(builder.Configuration);
builder.Services.AddSiloOrderLookup(builder.Configuration);
await builder.Build().RunAsync();

/// <summary>
/// Kept internal on purpose: the dashboard brings in ASP.NET Core, whose source generator would otherwise make
/// this entry point public, and the tests' WebApplicationFactory&lt;Program&gt; would see two public Programs.
/// </summary>
internal partial class Program;
