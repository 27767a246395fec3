using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Reports;

/// <summary>
/// Operators' status changes as recorded, per site and operator: the input of the operators' time report, which is
/// folded from them at query time (so it is never out of date and needs no rebuild). Beside the read model, in its database.
/// </summary>
public interface IOperatorTimeStore
{
    /// <summary>Stores the changes; one whose operator and seq are stored already is skipped, so a retry counts once.</summary>
    Task AppendAsync(string site, string login, IReadOnlyList<OperatorStatusChange> changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per operator (or only <paramref name="login"/>), in order: the last change before <paramref name="from"/> and
    /// every change up to <paramref name="to"/>.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<OperatorStatusChange>>> ReadAsync(
        string site, DateTimeOffset from, DateTimeOffset to, string? login, CancellationToken cancellationToken = default);
}
