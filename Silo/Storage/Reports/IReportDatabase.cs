using System.Data.Common;
using Switchboard.Grains.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>Where the read model lives: connections, a write transaction that waits its turn, and the projector's lead.</summary>
public interface IReportDatabase
{
    /// <summary>The lead of the projection (<see cref="IProjectionLead"/>), or null while another node holds it.</summary>
    Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken);

    /// <summary>A connection whose commits are durable when they are answered: orders, operators' time, erasure.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for the projector's folds, which the log can give again: a fold lost to a power cut is folded
    /// again from the checkpoint stored in the same transaction, so it need not wait for the disk.
    /// </summary>
    Task<DbConnection> OpenForFoldingAsync(CancellationToken cancellationToken);

    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
