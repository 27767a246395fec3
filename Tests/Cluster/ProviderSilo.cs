namespace Switchboard.Tests.Cluster;

/// <summary>The provider tests' silo, its database and the service id its rows carry.</summary>
public sealed record ProviderSilo(InProcessSilo Silo, string Postgres, string ServiceId);
