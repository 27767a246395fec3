namespace Switchboard.Domain.Limits;

/// <summary>
/// The grains' side of the <c>Limits</c> configuration section: how much of what a visitor can grow the cluster keeps in
/// memory. The gateway's side is <c>ClientLimits</c>; both are documented in docs/security.md.
/// </summary>
public sealed class StateLimits
{
    public const string Section = "Limits";
    public const int DefaultPagesPerVisit = 50;

    /// <summary>Pages of a visit its visitor grain keeps (the latest); older ones are counted, not kept.</summary>
    public int PagesPerVisit { get; set; } = DefaultPagesPerVisit;
}
