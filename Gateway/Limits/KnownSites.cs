using Switchboard.Contracts;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// This node's copy of the site directory (<see cref="ISiteDirectoryGrain"/>), so an entry point can refuse a made-up
/// site name before any grain of that site is activated. A name not in the copy makes the node ask the directory
/// whether the list changed since; one question at a time per node, shared by every caller waiting, so a flood of
/// made-up names costs the cluster at most one small call in flight per node. A site created a moment ago is found:
/// a name missing from the copy is only refused once a question asked after it arrived has been answered.
/// </summary>
public sealed class KnownSites(IGrainFactory grains)
{
    private readonly Lock _gate = new();
    private volatile KnownSiteList _list = new(-1, []);
    private volatile HashSet<string> _names = new(StringComparer.Ordinal);
    private Task? _asking;
    private long _asked;
    private long _answered;

    /// <summary>True when the site exists.</summary>
    public async ValueTask<bool> ContainsAsync(string site)
    {
        if (_names.Contains(site))
        {
            return true;
        }
        // The question in flight may have been asked before this name was created: wait for one asked after.
        var arrivedAfter = Interlocked.Read(ref _asked);
        while (Interlocked.Read(ref _answered) <= arrivedAfter && !_names.Contains(site))
        {
            await Ask();
        }
        return _names.Contains(site);
    }

    /// <summary>Names known now, for the tests.</summary>
    public int Count => _names.Count;

    private Task Ask()
    {
        lock (_gate)
        {
            if (_asking is { IsCompleted: false } inFlight)
            {
                return inFlight;
            }
            return _asking = Refresh(Interlocked.Increment(ref _asked));
        }
    }

    private async Task Refresh(long question)
    {
        if (await grains.Grain<ISiteDirectoryGrain>(GrainKeys.SiteDirectory).GetIfChanged(_list.Version) is { } changed)
        {
            _names = new HashSet<string>(changed.Sites, StringComparer.Ordinal);
            _list = changed;
        }
        Interlocked.Exchange(ref _answered, question);
    }
}
