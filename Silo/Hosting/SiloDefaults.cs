using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The silo process's defaults, lowest in precedence so environment and command line override them. Kept in
/// code rather than an appsettings.json because the gateway references this project and would copy the file
/// over its own.
/// </summary>
public static class SiloDefaults
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        // Joins, deaths and votes are what an operator of the cluster wants to see.
        ["Logging:LogLevel:Orleans.Runtime.MembershipService"] = "Information",
    };

    public static IConfigurationManager AddSiloDefaults(this IConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
        return configuration;
    }
}
