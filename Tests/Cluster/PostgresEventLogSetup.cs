using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Silo.Storage.Postgres;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>A cluster event log of a test's own: a new database on the collection's PostgreSQL, migrated, with its writer.</summary>
public sealed class PostgresEventLogSetup : IAsyncDisposable
{
    private PostgresEventLogSetup(PostgresDatabase database)
    {
        Database = database;
        Writer = new PostgresWriter(database, NullLogger<PostgresWriter>.Instance);
        Log = new PostgresEventLog(database, Writer, TestKeys.Sealer(new PostgresDataKeyStore(database)));
    }

    public PostgresDatabase Database { get; }
    public PostgresWriter Writer { get; }
    public PostgresEventLog Log { get; }

    public static async Task<PostgresEventLogSetup> CreateAsync(DatabaseServers servers, string name)
    {
        var database = new PostgresDatabase(await servers.Postgres.CreateDatabaseAsync(name));
        await database.MigrateAsync();
        return new PostgresEventLogSetup(database);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await Database.DisposeAsync();
    }
}
