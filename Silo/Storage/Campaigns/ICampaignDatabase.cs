using System.Data.Common;

namespace Switchboard.Silo.Storage.Campaigns;

/// <summary>Where the campaigns' contacts live: connections, and a write transaction that waits its turn.</summary>
public interface ICampaignDatabase
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);
}
