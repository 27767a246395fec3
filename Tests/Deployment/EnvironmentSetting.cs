namespace Switchboard.Tests.Deployment;

/// <summary>One environment variable a deployment file sets; <see cref="Value"/> is null when it comes from a reference.</summary>
public sealed record EnvironmentSetting(string Where, string Name, string? Value)
{
    /// <summary>The configuration key .NET reads it as: <c>Cluster__Redis</c> is <c>Cluster:Redis</c>.</summary>
    public string ConfigurationKey => Name.Replace("__", ":");
}
