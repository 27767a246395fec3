using System.Net.Http.Headers;
using System.Text.Json;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>
/// Conversations stored before channels, attachments and call events existed must read as they did: the fixture is
/// the event log of a real chat written by the standalone gateway of 2026-12-04 (started, messages with quick replies,
/// assigned, a note, a callback, closed, rated), loaded into a fresh data directory and served by today's gateway.
/// </summary>
public sealed class StoredLogCompatibilityTests
{
    private const string ConversationId = "739cac3ee752e94d10da0532fb7de884";

    [Fact]
    public async Task A_log_written_before_channels_is_served_whole_as_a_web_conversation()
    {
        using var data = new TempDirectory();
        LoadFixture(data.Path);

        using var host = new GatewayHost(data.Path);
        var token = await host.LoginAsync("demo", "olga", GatewayHost.DemoPassword);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/demo/conversations/{ConversationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var transcript = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var conversation = transcript.GetProperty("conversation");
        var events = transcript.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("closed", conversation.Str("status"));
        Assert.Equal("web", conversation.Str("channel"));
        Assert.Equal(9, conversation.GetProperty("lastSeq").GetInt64());
        Assert.Equal(
            ["started", "message", "assigned", "message", "message", "note", "callback", "closed", "rated"],
            events.Select(e => e.Str("type")));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), events.Select(e => e.Seq()));
        Assert.Equal("web", events[0].Str("channel"));
        Assert.Equal("Hello, is the kettle in stock?", events[1].Str("text"));
        Assert.Equal(["Yes", "No"], events[4].GetProperty("quickReplies").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("VIP customer", events[5].Str("text"));
        Assert.Equal("+79005556677", events[6].Str("phone"));
        Assert.Equal(5, events[8].GetProperty("score").GetInt32());
    }

    /// <summary>Puts the fixture's stored payloads into the event table exactly as the writer of that day did.</summary>
    private static void LoadFixture(string dataDirectory)
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = dataDirectory });
        using var stream = typeof(StoredLogCompatibilityTests).Assembly.GetManifestResourceStream("conversation-log-v1.ndjson")!;
        using var reader = new StreamReader(stream);
        using var connection = database.Open();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var stored = JsonDocument.Parse(line).RootElement;
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO conversation_events (conversation, seq, site, type, client_id, at, payload)
                VALUES ($conversation, $seq, 'demo', $type, $client, $at, $payload)
                """;
            insert.Parameters.AddWithValue("$conversation", $"demo/c:{ConversationId}");
            insert.Parameters.AddWithValue("$seq", stored.GetProperty("seq").GetInt64());
            insert.Parameters.AddWithValue("$type", stored.GetProperty("type").GetString());
            insert.Parameters.AddWithValue("$client", stored.TryGetProperty("clientId", out var client) ? client.GetString() : DBNull.Value);
            insert.Parameters.AddWithValue("$at", stored.GetProperty("at").GetDateTimeOffset().UtcDateTime.ToString("O"));
            insert.Parameters.AddWithValue("$payload", line);
            insert.ExecuteNonQuery();
        }
    }
}
