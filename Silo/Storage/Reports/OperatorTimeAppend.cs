using Switchboard.Contracts.Operators;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>One operator's changes waiting for the time store's next transaction, and who waits for them to be in.</summary>
internal sealed class OperatorTimeAppend(string site, string login, IReadOnlyList<OperatorStatusChange> changes)
{
    public string Site { get; } = site;
    public string Login { get; } = login;
    public IReadOnlyList<OperatorStatusChange> Changes { get; } = changes;

    /// <summary>Completed once the transaction carrying these changes has committed (or failed with its error).</summary>
    public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
