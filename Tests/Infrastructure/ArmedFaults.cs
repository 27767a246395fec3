using System.Collections.Concurrent;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Faults a test has armed, per method and site: each call that matches takes one, safely across threads, until none
/// are left. Keyed by site so tests sharing a cluster do not trip over each other.
/// </summary>
public sealed class ArmedFaults
{
    private readonly ConcurrentDictionary<(string Method, string Site), int> _left = new();

    public void Arm(string method, string site, int times) => _left[(method, site)] = times;

    /// <summary>True, once per armed fault, when a call of <paramref name="method"/> to <paramref name="grain"/> should fail.</summary>
    public bool Take(string method, GrainId grain)
    {
        var key = (method, SiteOf(grain));
        while (_left.TryGetValue(key, out var left) && left > 0)
        {
            if (_left.TryUpdate(key, left - 1, left))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The site in a grain's key (<c>{site}/{kind}:{id}</c>).</summary>
    public static string SiteOf(GrainId grain) => grain.Key.ToString()!.Split('/')[0];
}
