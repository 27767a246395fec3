namespace Switchboard.LoadTests.Monitoring;

/// <summary>One second of a watched process: CPU in percent of one core, resident memory.</summary>
public sealed record ProcessSample(double Second, double CpuPercent, long RssBytes, int Threads);
