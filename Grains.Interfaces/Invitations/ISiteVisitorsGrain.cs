namespace Switchboard.Contracts.Invitations;

/// <summary>
/// The site's live visitor list (key <c>site:{site}</c>), merged from what each gateway node reports every couple of
/// seconds: traffic per node and interval, never per page view.
/// </summary>
[Alias("Switchboard.ISiteVisitorsGrain")]
public interface ISiteVisitorsGrain : IGrainWithStringKey
{
    /// <summary>A node's count of online visitors and its most interesting ones.</summary>
    [Alias("Report"), OneWay]
    Task Report(string node, int total, IReadOnlyList<OnlineVisitor> visitors);

    [Alias("GetOnline")]
    Task<(int Total, IReadOnlyList<OnlineVisitor> Visitors)> GetOnline(int max);
}
