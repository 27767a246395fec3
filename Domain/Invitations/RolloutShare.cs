namespace Switchboard.Domain.Invitations;

/// <summary>
/// Whether a visitor is in the share of visitors who see the widget: a stable hash of the visitor id into
/// 100 buckets, so the same visitor always gets the same answer and the share is met over many visitors.
/// </summary>
public static class RolloutShare
{
    public static bool Includes(string visitorId, int percent) => percent >= 100 || percent > 0 && Bucket(visitorId) < percent;

    /// <summary>FNV-1a over the id's characters, modulo 100: stable across processes and versions, unlike string.GetHashCode.</summary>
    public static int Bucket(string visitorId)
    {
        var hash = 2166136261u;
        foreach (var c in visitorId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % 100);
    }
}
