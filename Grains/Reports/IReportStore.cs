using Switchboard.Contracts.Reports;
using Switchboard.Domain.Reports;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Reports;

/// <summary>
/// The reports' read model: hourly buckets folded from the event log, the chats they came from, the orders, and the
/// position in the log they reflect. Its own tables (its own file in standalone mode), written behind the log, never
/// in an append. Definitions: docs/reports.md.
/// </summary>
public interface IReportStore
{
    /// <summary>
    /// The projector's lead if no other node holds it, else null. Only its holder folds, so a cluster's nodes do not
    /// all read the same batches (the checkpoint's compare-and-set still keeps a race from counting twice).
    /// </summary>
    Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The log position the read model reflects.</summary>
    Task<EventLogPosition> CheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Folds <paramref name="events"/> (read after <paramref name="from"/>) in and moves the checkpoint to the last of
    /// them, in one transaction; false (and nothing written) when the checkpoint is no longer <paramref name="from"/>,
    /// because another node's projector got there first.
    /// </summary>
    Task<bool> ApplyAsync(EventLogPosition from, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Stores an order and marks the chats it converts; false when its id was stored before.</summary>
    Task<bool> RecordOrderAsync(string site, Order order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erasure of a customer: the site's chats and orders that name them (their customer id, one of their
    /// <paramref name="visitorIds"/>, or one of their <paramref name="conversationKeys"/>) lose those ids. The figures
    /// already folded stay as they were, so no report total changes; no later order converts those chats.
    /// </summary>
    Task ForgetCustomerAsync(
        string site, string customerId, IReadOnlyCollection<string> visitorIds, IReadOnlyCollection<string> conversationKeys,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The sums of the UTC hours in [<paramref name="firstHour"/>, <paramref name="endHour"/>) per grouped dimension, for
    /// a report in <paramref name="zone"/>: per hour, or per local day where the daily roll-up answers the same exactly
    /// (a row's hour is then the hour its day starts in).
    /// </summary>
    Task<IReadOnlyList<BucketRow>> ReadAsync(
        string site, long firstHour, long endHour, ReportQuery query, TimeZoneInfo zone, CancellationToken cancellationToken = default);

    /// <summary>Empties the read model (orders stay: they are input, like the log) so it is built again from the log's start.</summary>
    Task ResetAsync(CancellationToken cancellationToken = default);
}
