using Npgsql;
using Switchboard.Grains.Reports;

namespace Switchboard.Silo.Storage.Reports;

/// <summary>
/// The cluster's lead: a session advisory lock on a connection of its own. The server releases it when the session
/// ends, so a silo that dies (or loses its connection) hands the lead on with no timeout and no clock to trust.
/// </summary>
public sealed class PostgresProjectionLead : IProjectionLead
{
    /// <summary>An arbitrary constant shared by every node: "Switchboard report projector".</summary>
    public const long AdvisoryLock = 0x5357_4244_5250_524A;

    private readonly NpgsqlConnection _connection;
    private bool _released;

    private PostgresProjectionLead(NpgsqlConnection connection) => _connection = connection;

    public static async Task<IProjectionLead?> TryTakeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLock})", connection);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new PostgresProjectionLead(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    // The lock lives as long as the session: a live session still holds it.
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }
        _released = true;
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLock})", _connection);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The session is gone, and the lock with it.
        }
        await _connection.DisposeAsync();
    }
}
