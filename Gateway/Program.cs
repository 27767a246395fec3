using Switchboard.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardCluster();
builder.Services.AddSwitchboardGateway(builder.Configuration);

var app = builder.Build();
app.UseSwitchboardGateway();
app.MapSwitchboard();
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
