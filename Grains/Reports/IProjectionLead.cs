namespace Switchboard.Grains.Reports;

/// <summary>
/// This node's turn to fold the event log into the read model: one node of a cluster holds it at a time, and it
/// passes on by itself when that node dies. Disposing gives it up.
/// </summary>
public interface IProjectionLead : IAsyncDisposable
{
    /// <summary>Whether it is still held (false once the database has let it go, e.g. after a lost connection).</summary>
    Task<bool> IsHeldAsync(CancellationToken cancellationToken);
}
