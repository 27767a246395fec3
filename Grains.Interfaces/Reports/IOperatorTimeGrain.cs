namespace Switchboard.Contracts.Reports;

/// <summary>How a site's operators spent their time (key: the site). A stateless worker over the recorded status changes.</summary>
[Alias("Switchboard.IOperatorTimeGrain")]
public interface IOperatorTimeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Per operator and period of a query checked by <c>ReportRequest</c> (its granularity, and its operator filter; other
    /// filters do not apply); null when the site does not exist.
    /// </summary>
    [Alias("Query")]
    Task<OperatorTimeReport?> Query(ReportQuery query);
}
