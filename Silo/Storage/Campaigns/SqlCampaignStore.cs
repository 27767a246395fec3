using System.Data.Common;
using System.Text;
using Switchboard.Contracts.Campaigns;
using Switchboard.Grains.Campaigns;

namespace Switchboard.Silo.Storage.Campaigns;

/// <summary>The campaigns' contacts and attempts in SQL (<see cref="CampaignSql"/>), the same statements on SQLite and PostgreSQL.</summary>
public sealed class SqlCampaignStore(ICampaignDatabase database) : ICampaignStore
{
    /// <summary>Rows per INSERT: well under SQLite's parameter limit, few round trips for a long list.</summary>
    public const int RowsPerInsert = 100;

    private const string Key = "site = @site AND campaign = @campaign";

    public async Task<ContactsAdded> AddAsync(
        string site, string campaign, IReadOnlyList<CampaignContact> contacts, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var last = Command(connection, transaction, $"SELECT COALESCE(MAX(id), 0) FROM campaign_contacts WHERE {Key}", ("site", site), ("campaign", campaign));
        var next = Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken)) + 1;
        var added = 0;
        foreach (var chunk in contacts.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder("INSERT INTO campaign_contacts (site, campaign, id, phone, customer_id, name, data, time_zone, state, step, attempt, due_ms, answered, added_ms) VALUES ");
            var parameters = new List<(string, object?)> { ("site", site), ("campaign", campaign), ("due", dueAt.ToUnixTimeMilliseconds()), ("added", dueAt.ToUnixTimeMilliseconds()) };
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"(@site, @campaign, @id{i}, @phone{i}, @customer{i}, @name{i}, @data{i}, @zone{i}, 'queued', 0, 0, @due, 0, @added)");
                var contact = chunk[i];
                parameters.AddRange([($"id{i}", next++), ($"phone{i}", contact.Phone), ($"customer{i}", contact.CustomerId), ($"name{i}", contact.Name),
                    ($"data{i}", contact.Data), ($"zone{i}", contact.TimeZone)]);
            }
            sql.Append(" ON CONFLICT (site, campaign, phone) DO NOTHING");
            await using var insert = Command(connection, transaction, sql.ToString(), [.. parameters]);
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ContactsAdded(added, contacts.Count - added);
    }

    public Task<IReadOnlyList<StoredContact>> DueAsync(string site, string campaign, DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        ContactsAsync($"{Key} AND state IN ('queued', 'refused') AND due_ms IS NOT NULL AND due_ms <= @now ORDER BY due_ms, id LIMIT @limit",
            cancellationToken, ("site", site), ("campaign", campaign), ("now", now.ToUnixTimeMilliseconds()), ("limit", limit));

    public async Task<int> CallingAsync(string site, string campaign, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = Command(connection, null, $"SELECT COUNT(*) FROM campaign_contacts WHERE {Key} AND state = 'calling'", ("site", site), ("campaign", campaign));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
    }

    public Task<IReadOnlyList<StoredContact>> LostAsync(string site, string campaign, DateTimeOffset claimedBefore, CancellationToken cancellationToken = default) =>
        ContactsAsync($"{Key} AND state = 'calling' AND claimed_ms < @before ORDER BY id",
            cancellationToken, ("site", site), ("campaign", campaign), ("before", claimedBefore.ToUnixTimeMilliseconds()));

    public async Task<bool> ClaimAsync(string site, string campaign, StoredContact contact, string callId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var step = contact.State == ContactStates.Refused ? contact.Step + 1 : contact.Step;
        var attempt = contact.Attempt + 1;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var claim = Command(connection, transaction, $"""
            UPDATE campaign_contacts SET state = 'calling', step = @step, attempt = @attempt, call_id = @call, claimed_ms = @now, due_ms = NULL
             WHERE {Key} AND id = @id AND state = @state AND step = @oldStep AND attempt = @oldAttempt
            """,
            ("site", site), ("campaign", campaign), ("id", contact.Id), ("state", contact.State), ("oldStep", contact.Step), ("oldAttempt", contact.Attempt),
            ("step", step), ("attempt", attempt), ("call", callId), ("now", now.ToUnixTimeMilliseconds()));
        if (await claim.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await using var attemptRow = Command(connection, transaction, """
            INSERT INTO campaign_attempts (site, campaign, call_id, contact_id, step, attempt, started_ms)
            VALUES (@site, @campaign, @call, @id, @step, @attempt, @now)
            """,
            ("site", site), ("campaign", campaign), ("call", callId), ("id", contact.Id), ("step", step), ("attempt", attempt), ("now", now.ToUnixTimeMilliseconds()));
        await attemptRow.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task DeferAsync(string site, string campaign, long contactId, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        WriteAsync($"UPDATE campaign_contacts SET due_ms = @due WHERE {Key} AND id = @id AND state IN ('queued', 'refused')",
            cancellationToken, ("site", site), ("campaign", campaign), ("id", contactId), ("due", dueAt.ToUnixTimeMilliseconds()));

    public Task SkipAsync(string site, string campaign, long contactId, string result, CancellationToken cancellationToken = default) =>
        WriteAsync($"UPDATE campaign_contacts SET state = 'failed', due_ms = NULL, last_result = @result WHERE {Key} AND id = @id AND state IN ('queued', 'refused')",
            cancellationToken, ("site", site), ("campaign", campaign), ("id", contactId), ("result", result));

    public async Task<StoredContact?> ContactAsync(string site, string campaign, long contactId, CancellationToken cancellationToken = default) =>
        (await ContactsAsync($"{Key} AND id = @id", cancellationToken, ("site", site), ("campaign", campaign), ("id", contactId))).SingleOrDefault();

    public async Task<bool> CompleteAsync(
        string site, string campaign, string callId, string result, DateTimeOffset endedAt, ContactOutcome outcome, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var end = Command(connection, transaction, $"UPDATE campaign_attempts SET ended_ms = @at, result = @result WHERE {Key} AND call_id = @call AND result IS NULL",
            ("site", site), ("campaign", campaign), ("call", callId), ("at", endedAt.ToUnixTimeMilliseconds()), ("result", result));
        if (await end.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await using var move = Command(connection, transaction, $"""
            UPDATE campaign_contacts SET state = @state, due_ms = @due, step = @step, attempt = @attempt, last_result = @result,
                   answered = CASE WHEN @answered = 1 THEN 1 ELSE answered END
             WHERE {Key} AND call_id = @call AND state = 'calling'
            """,
            ("site", site), ("campaign", campaign), ("call", callId), ("state", outcome.State), ("due", outcome.DueAt?.ToUnixTimeMilliseconds()),
            ("step", outcome.Step), ("attempt", outcome.Attempt), ("result", result), ("answered", outcome.Answered ? 1 : 0));
        await move.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<CampaignCounts> CountsAsync(string site, string campaign, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT state, CASE WHEN due_ms IS NULL THEN 0 ELSE 1 END, answered, COUNT(*) FROM campaign_contacts WHERE {Key} GROUP BY 1, 2, 3",
            ("site", site), ("campaign", campaign));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int queued = 0, calling = 0, answered = 0, yes = 0, no = 0, refused = 0, failed = 0, remaining = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var (state, due, count) = (reader.GetString(0), Convert.ToInt32(reader.GetValue(1)) == 1, Convert.ToInt32(reader.GetValue(3)));
            answered += Convert.ToInt32(reader.GetValue(2)) == 1 ? count : 0;
            switch (state)
            {
                case ContactStates.Queued: queued += count; remaining += count; break;
                case ContactStates.Calling: calling += count; remaining += count; break;
                case ContactStates.Yes: yes += count; break;
                case ContactStates.No: no += count; break;
                case ContactStates.Refused: refused += count; remaining += due ? count : 0; break;
                case ContactStates.Failed: failed += count; break;
            }
        }
        return new CampaignCounts(queued, calling, answered, yes, no, refused, failed, remaining);
    }

    public async Task<IReadOnlyList<CampaignResult>> ResultsAsync(
        string site, string campaign, long afterContactId, int contacts, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT c.id, c.phone, c.customer_id, c.name, c.state, COALESCE(a.step, c.step), COALESCE(a.attempt, 0), a.call_id, a.started_ms, a.ended_ms,
                   COALESCE(a.result, CASE WHEN a.call_id IS NULL THEN c.last_result END)
              FROM (SELECT * FROM campaign_contacts WHERE site = @site AND campaign = @campaign AND id > @after ORDER BY id LIMIT @limit) c
              LEFT JOIN campaign_attempts a ON a.site = c.site AND a.campaign = c.campaign AND a.contact_id = c.id
             ORDER BY c.id, a.started_ms, a.attempt
            """, ("site", site), ("campaign", campaign), ("after", afterContactId), ("limit", contacts));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CampaignResult>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CampaignResult(
                Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.GetString(4),
                Convert.ToInt32(reader.GetValue(5)), Convert.ToInt32(reader.GetValue(6)), Text(reader, 7), Time(reader, 8), Time(reader, 9), Text(reader, 10)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<string>> CampaignsAsync(string site, CancellationToken cancellationToken = default)
    {
        // A campaign's first contact has id 1 (ids count from the campaign's largest plus one), so one row per campaign is read.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT campaign FROM campaign_contacts WHERE site = @site AND id = 1 ORDER BY added_ms, campaign", ("site", site));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var campaigns = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            campaigns.Add(reader.GetString(0));
        }
        return campaigns;
    }

    public async Task<IReadOnlySet<string>> DoNotCallAmongAsync(string site, IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (phones.Count == 0)
        {
            return found;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var names = phones.Select((_, i) => $"@p{i}").ToList();
        await using var command = Command(connection, null, $"SELECT phone FROM campaign_do_not_call WHERE site = @site AND phone IN ({string.Join(", ", names)})",
            [("site", site), .. phones.Select((phone, i) => ($"p{i}", (object?)phone))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }

    public async Task AddDoNotCallAsync(string site, IReadOnlyCollection<string> phones, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        foreach (var phone in phones)
        {
            await using var insert = Command(connection, transaction, "INSERT INTO campaign_do_not_call (site, phone) VALUES (@site, @phone) ON CONFLICT (site, phone) DO NOTHING",
                ("site", site), ("phone", phone));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task RemoveDoNotCallAsync(string site, string phone, CancellationToken cancellationToken = default) =>
        WriteAsync("DELETE FROM campaign_do_not_call WHERE site = @site AND phone = @phone", cancellationToken, ("site", site), ("phone", phone));

    private async Task<IReadOnlyList<StoredContact>> ContactsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {CampaignSql.ContactColumns} FROM campaign_contacts WHERE {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var contacts = new List<StoredContact>();
        while (await reader.ReadAsync(cancellationToken))
        {
            contacts.Add(new StoredContact(
                Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                reader.GetString(6), Convert.ToInt32(reader.GetValue(7)), Convert.ToInt32(reader.GetValue(8)), Text(reader, 9),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(10)))));
        }
        return contacts;
    }

    private async Task WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static DateTimeOffset? Time(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(column)));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
