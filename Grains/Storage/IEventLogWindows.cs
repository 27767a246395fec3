namespace Switchboard.Grains.Storage;

/// <summary>
/// Which conversations of a site have events in a time window, from the log's (site, at) index. Only keys and seqs:
/// the events themselves are read through <see cref="IEventLog.ReadAsync"/>, the one read path of the log.
/// </summary>
public interface IEventLogWindows
{
    /// <summary>Each conversation with an event at or after <paramref name="from"/> and before <paramref name="to"/>, with the first such seq.</summary>
    Task<IReadOnlyList<(string ConversationKey, long FirstSeq)>> ConversationsBetween(
        string site, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
