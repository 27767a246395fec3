using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// The real reminder table, except that writes for a site's grains can be made to fail or wait on demand, as when the
/// reminder database is slow or away. Armed per site, so tests sharing a cluster do not trip over each other.
/// </summary>
public sealed class FailingReminderTable(IReminderTable inner) : IReminderTable
{
    /// <summary>Every reminder write counts as the same method: a slow table fails them all alike.</summary>
    private const string Write = "write";

    private readonly ArmedFaults _failures = new();
    private readonly ConcurrentDictionary<string, HeldCall> _held = new();

    /// <summary>The next <paramref name="times"/> reminder writes for grains of <paramref name="site"/> fail.</summary>
    public void FailNext(string site, int times = 1) => _failures.Arm(Write, site, times);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    /// <summary>The next reminder write for a grain of <paramref name="site"/> waits until the test releases it, as a slow table would.</summary>
    public HeldCall HoldNext(string site) => _held[site] = new HeldCall();

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        FailIfArmed(entry.GrainId);
        return _held.TryRemove(ArmedFaults.SiteOf(entry.GrainId), out var held)
            ? held.RunAsync(() => inner.UpsertRow(entry))
            : inner.UpsertRow(entry);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        FailIfArmed(grainId);
        return inner.RemoveRow(grainId, reminderName, eTag);
    }

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();

    private void FailIfArmed(GrainId grainId)
    {
        if (_failures.Take(Write, grainId))
        {
            throw new TimeoutException($"Test fault: the reminder table did not answer for {grainId}.");
        }
    }
}
