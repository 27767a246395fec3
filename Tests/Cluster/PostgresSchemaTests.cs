using Npgsql;
using Switchboard.Silo.Storage.Postgres;

namespace Switchboard.Tests.Cluster;

[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class PostgresSchemaTests(DatabaseServers servers)
{
    private const int ConcurrentStarts = 8;

    [Fact]
    public async Task Migrating_twice_changes_nothing_the_second_time()
    {
        await using var database = new PostgresDatabase(await servers.Postgres.CreateDatabaseAsync("schema_twice"));

        await database.MigrateAsync();
        var first = await DescribeAsync(database);
        await database.MigrateAsync();

        Assert.Equal(first, await DescribeAsync(database));
        Assert.Contains("orleansquery", first.Tables);
        Assert.Contains("orleansstorage", first.Tables);
        Assert.Contains("orleansreminderstable", first.Tables);
        Assert.Contains("conversation_events", first.Tables);
        Assert.Contains("dataprotection_keys", first.Tables);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.Version), first.Versions);
        Assert.Equal(OrleansStorageSql.Queries.Count + OrleansRemindersSql.Queries.Count, first.Queries);
    }

    [Fact]
    public async Task Silos_starting_together_all_migrate_and_apply_each_step_once()
    {
        await using var database = new PostgresDatabase(await servers.Postgres.CreateDatabaseAsync("schema_race"));

        // Separate data sources, like separate processes: no shared pool serializes them by accident.
        var starts = Enumerable.Range(0, ConcurrentStarts).Select(async _ =>
        {
            await using var node = new PostgresDatabase(database.ConnectionString);
            await node.MigrateAsync();
        });
        await Task.WhenAll(starts);

        var schema = await DescribeAsync(database);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.Version), schema.Versions);
        Assert.Equal(OrleansStorageSql.Queries.Count + OrleansRemindersSql.Queries.Count, schema.Queries);
    }

    [Fact]
    public async Task A_start_restores_the_providers_queries_as_this_version_wrote_them()
    {
        await using var database = new PostgresDatabase(await servers.Postgres.CreateDatabaseAsync("schema_queries"));
        await database.MigrateAsync();
        await using (var damage = database.DataSource.CreateCommand("UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'WriteToStorageKey'"))
        {
            await damage.ExecuteNonQueryAsync();
        }

        await database.MigrateAsync();

        await using var read = database.DataSource.CreateCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'");
        Assert.Equal(OrleansStorageSql.WriteToStorage, (string?)await read.ExecuteScalarAsync());
    }

    private static async Task<SchemaDescription> DescribeAsync(PostgresDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var tables = await ListAsync<string>(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
        var columns = await ListAsync<string>(connection,
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1");
        var indexes = await ListAsync<string>(connection, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
        var versions = await ListAsync<int>(connection, "SELECT version FROM switchboard_schema ORDER BY version");
        var queries = (await ListAsync<long>(connection, "SELECT count(*) FROM OrleansQuery")).Single();
        return new SchemaDescription(string.Join(',', tables), string.Join(',', columns), string.Join(',', indexes), versions, (int)queries);
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }

    private sealed record SchemaDescription(string Tables, string Columns, string Indexes, List<int> Versions, int Queries)
    {
        public bool Equals(SchemaDescription? other) => other is not null && Tables == other.Tables && Columns == other.Columns
            && Indexes == other.Indexes && Versions.SequenceEqual(other.Versions) && Queries == other.Queries;

        public override int GetHashCode() => HashCode.Combine(Tables, Columns, Indexes, Queries);
    }
}
