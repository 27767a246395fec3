using System.Data.Common;
using Switchboard.Grains.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>Where the read model lives: connections, a write transaction that waits its turn, and the projector's lead.</summary>
public interface IReportDatabase
{
    /// <summary>The lead of the projection (<see cref="IProjectionLead"/>), or null while another node holds it.</summary>
    Task<IProjectionLead?> TryLeadAsync(CancellationToken cancellationToken);

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
