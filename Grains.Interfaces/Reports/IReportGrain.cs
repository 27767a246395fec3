namespace Switchboard.Contracts.Reports;

/// <summary>Historical reports and the orders behind conversion, for one site (key: the site). A stateless worker over the read model.</summary>
[Alias("Switchboard.IReportGrain")]
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>The report for a query already checked by <c>ReportRequest</c>; null when the site does not exist.</summary>
    [Alias("Query")]
    Task<Report?> Query(ReportQuery query);

    /// <summary>Records an order (idempotent on its id); false when the id was recorded before.</summary>
    [Alias("RecordOrder")]
    Task<bool> RecordOrder(Order order);

    /// <summary>
    /// Erasure: the read model's chats and orders of the customer, of their visitors and of their conversations (grain
    /// keys) lose the ids that name them; the report's figures stay as they are.
    /// </summary>
    [Alias("ForgetCustomer")]
    Task ForgetCustomer(string customerId, IReadOnlyList<string> visitorIds, IReadOnlyList<string> conversationKeys);
}
