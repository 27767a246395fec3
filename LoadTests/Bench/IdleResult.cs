using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Bench;

/// <summary>Idle sockets held against one server, and that server's resident memory before and with them.</summary>
public sealed record IdleResult(RunResult Run, int Wanted, int Held, bool AllReady, long RssBefore, long RssWith, int FilesAdded, int Processes)
{
    public double BytesPerSocket => Held == 0 ? 0 : (RssWith - RssBefore) / (double)Held;
}
