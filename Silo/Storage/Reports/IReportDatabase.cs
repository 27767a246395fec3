using System.Data.Common;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>Where the read model lives: connections, and a write transaction that waits its turn.</summary>
public interface IReportDatabase
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
