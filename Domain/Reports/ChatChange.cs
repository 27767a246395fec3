namespace Switchboard.Domain.Reports;

/// <summary>What an event changed in a chat's contribution to the report.</summary>
public enum ChatChange
{
    None,
    /// <summary>The chat ended: all its figures go in (with its rating, when it was rated before).</summary>
    Closed,
    /// <summary>A first rating of a chat already counted.</summary>
    RatedAfterClose,
}
