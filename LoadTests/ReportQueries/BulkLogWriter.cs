using Microsoft.Data.Sqlite;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.ReportQueries;

/// <summary>
/// Fills a standalone event log fast for the reports benchmark: conversations sealed as the product seals them (their
/// keys made through the real key store), then their rows inserted with one transaction per chunk, positions numbered
/// as the log numbers them. Only for a log nothing else appends to while it runs: it bypasses the log's single
/// writer, which is what makes it fast.
/// </summary>
public sealed class BulkLogWriter(SqliteDatabase database, EventSealer sealer)
{
    private const int SealersAtOnce = 8;

    private const string Insert = """
        INSERT INTO conversation_events (conversation, seq, site, type, client_id, at, payload, sealed, position)
        VALUES ($conversation, $seq, $site, $type, $client, $at, $payload, $sealed, $position)
        """;

    /// <summary>Seals and inserts one chunk of conversations in one transaction; returns the events written.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<(string Key, IReadOnlyList<ConversationEvent> Events)> chunk)
    {
        var sealedChunk = new StoredEvent[chunk.Count][];
        await Parallel.ForAsync(0, chunk.Count, new ParallelOptions { MaxDegreeOfParallelism = SealersAtOnce }, async (i, cancellationToken) =>
            sealedChunk[i] = await sealer.SealAsync(chunk[i].Key, chunk[i].Events, cancellationToken));

        await using var connection = database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = "SELECT position FROM event_log_head";
        var position = Convert.ToInt64(await head.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = Insert;
        var names = new[] { "$conversation", "$seq", "$site", "$type", "$client", "$at", "$payload", "$sealed", "$position" };
        var parameters = names.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        var written = 0;
        for (var c = 0; c < chunk.Count; c++)
        {
            var (key, events) = chunk[c];
            var site = GrainKeys.Parse(key).Site;
            for (var i = 0; i < events.Count; i++)
            {
                var evt = events[i];
                object?[] values =
                [
                    key, evt.Seq, site, evt.Type, evt.ClientId, evt.At.UtcDateTime.ToString("O"), sealedChunk[c][i].PayloadText(),
                    sealedChunk[c][i].Sealed, ++position,
                ];
                for (var p = 0; p < values.Length; p++)
                {
                    parameters[p].Value = values[p] ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync();
                written++;
            }
        }
        head.CommandText = "UPDATE event_log_head SET position = $position";
        head.Parameters.AddWithValue("$position", position);
        await head.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        foreach (var stored in sealedChunk)
        {
            StoredEvent.ReturnPayloads(stored);
        }
        return written;
    }
}
