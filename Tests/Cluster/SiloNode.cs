namespace Switchboard.Tests.Cluster;

/// <summary>A silo process and the port that names it in the membership table.</summary>
public sealed record SiloNode(ChildProcess Process, int SiloPort);
