namespace Switchboard.Tests.Cluster;

/// <summary>A silo process, the port that names it in the membership table, and where Prometheus scrapes it.</summary>
public sealed record SiloNode(ChildProcess Process, int SiloPort, int MetricsPort);
