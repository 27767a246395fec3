namespace Switchboard.LoadTests.Monitoring;

/// <summary>A process at one moment: CPU time used so far, resident memory, threads.</summary>
public sealed record ProcessReading(DateTimeOffset At, TimeSpan CpuTime, long RssBytes, int Threads);
