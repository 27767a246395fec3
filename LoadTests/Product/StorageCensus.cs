using System.Globalization;
using Microsoft.Data.Sqlite;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Product;

/// <summary>
/// After a benchmark, what the product wrote to its standalone database: durable grain-state writes by grain type
/// (each row's etag counts its writes) per chat, and events per chat. Every durable write waits for a disk sync,
/// so this is where a chat's storage cost shows.
/// </summary>
public static class StorageCensus
{
    public static string Describe(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, SqliteDatabase.FileName);
        if (!File.Exists(file))
        {
            return "";
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var chats = Scalar(connection, "SELECT count(*) FROM conversation_events WHERE type = 'started'");
        var events = Scalar(connection, "SELECT count(*) FROM conversation_events");
        if (chats == 0)
        {
            return "";
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, sum(etag), count(*), avg(length(payload)) FROM grain_state GROUP BY state_name ORDER BY state_name";
        using var reader = command.ExecuteReader();
        var writes = new List<string>();
        while (reader.Read())
        {
            writes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetString(0)} {reader.GetInt64(1) / (double)chats:0.0} ({reader.GetInt64(1):N0} writes of ~{reader.GetDouble(3):0} B over {reader.GetInt64(2):N0} grains)"));
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"Storage: {chats:N0} chats, {events:N0} conversation events ({events / (double)chats:0.0} a chat); durable grain-state writes per chat: {string.Join("; ", writes)}.");
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
