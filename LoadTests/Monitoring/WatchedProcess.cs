namespace Switchboard.LoadTests.Monitoring;

/// <summary>A process whose CPU and memory a run reports: the server under test, the echo server, the load generator itself.</summary>
public sealed record WatchedProcess(string Name, int Pid)
{
    public static WatchedProcess Self(string name = "load generator") => new(name, Environment.ProcessId);
}
