using Switchboard.Grains.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>Standalone mode's lead: one silo owns the data directory, so it always leads.</summary>
public sealed class SoleProjectionLead : IProjectionLead
{
    public static readonly SoleProjectionLead Instance = new();

    private SoleProjectionLead()
    {
    }

    public Task<bool> IsHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
