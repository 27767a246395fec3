using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// The real reminder table, except that writes for a site's grains can be made to fail on demand, as when the
/// reminder database is slow or away. Armed per site, so tests sharing a cluster do not trip over each other.
/// </summary>
public sealed class FailingReminderTable(IReminderTable inner) : IReminderTable
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> reminder writes for grains of <paramref name="site"/> fail.</summary>
    public void FailNext(string site, int times = 1) => _failures[site] = times;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        FailIfArmed(entry.GrainId);
        return inner.UpsertRow(entry);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        FailIfArmed(grainId);
        return inner.RemoveRow(grainId, reminderName, eTag);
    }

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();

    private void FailIfArmed(GrainId grainId)
    {
        var site = grainId.Key.ToString()!.Split('/')[0];
        while (_failures.TryGetValue(site, out var left) && left > 0)
        {
            if (_failures.TryUpdate(site, left - 1, left))
            {
                throw new TimeoutException($"Test fault: the reminder table did not answer for {grainId}.");
            }
        }
    }
}
