using Microsoft.Extensions.Hosting;
using Switchboard.Silo.Hosting;

// A silo on its own. Standalone (SQLite, localhost clustering) until cluster mode lands; the gateway
// usually co-hosts this same silo configuration in-process instead.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseSwitchboardStandalone(builder.Configuration));
await builder.Build().RunAsync();
