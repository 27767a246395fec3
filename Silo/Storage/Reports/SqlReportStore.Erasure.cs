namespace Switchboard.Silo.Storage.Reports;

/// <summary>A customer's erasure in the read model: their chats and orders lose the ids that name them, the figures stay.</summary>
public sealed partial class SqlReportStore
{
    public async Task ForgetCustomerAsync(
        string site, string customerId, IReadOnlyCollection<string> visitorIds, IReadOnlyCollection<string> conversationKeys,
        CancellationToken cancellationToken = default)
    {
        // An empty id is what a chat without a customer stores: matching it would blank every such chat of the site.
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var visitors = visitorIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        // The checkpoint's lock first, as every write: a batch being folded finishes before, or folds after, the erasure.
        await ExecuteAsync(connection, transaction, ReportSql.LockCheckpoint, cancellationToken);
        await ExecuteAsync(connection, transaction, ReportSql.ForgetChats(0, 0), cancellationToken, ("site", site), ("customer", customerId));
        await ExecuteAsync(connection, transaction, ReportSql.ForgetOrders(0), cancellationToken, ("site", site), ("customer", customerId));
        foreach (var chunk in visitors.Chunk(IdsPerRead))
        {
            (string, object?)[] parameters = [("site", site), ("customer", customerId), .. chunk.Select((id, i) => ($"v{i}", (object?)id))];
            await ExecuteAsync(connection, transaction, ReportSql.ForgetChats(chunk.Length, 0), cancellationToken, parameters);
            await ExecuteAsync(connection, transaction, ReportSql.ForgetOrders(chunk.Length), cancellationToken, parameters);
        }
        foreach (var chunk in conversationKeys.Chunk(IdsPerRead))
        {
            await ExecuteAsync(connection, transaction, ReportSql.ForgetChats(0, chunk.Length), cancellationToken,
                [("site", site), ("customer", customerId), .. chunk.Select((key, i) => ($"c{i}", (object?)key))]);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
