namespace Switchboard.Domain.CoBrowsing;

/// <summary>
/// Where a co-browsing frame goes: to the visitor, to the operator, or both; or nowhere, with the reason the sender is told.
/// </summary>
public sealed record CoBrowseVerdict(bool ToVisitor, bool ToOperator, string? Refusal = null)
{
    public static readonly CoBrowseVerdict Both = new(true, true);
    public static readonly CoBrowseVerdict Visitor = new(true, false);
    public static readonly CoBrowseVerdict Operator = new(false, true);

    public static CoBrowseVerdict Refused(string reason) => new(false, false, reason);
}
