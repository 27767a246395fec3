namespace Switchboard.Domain.Routing;

/// <summary>What routing rules may look at: the page the visitor is on, their region, their customer type.</summary>
public sealed record VisitorFacts(string? Page, string? Region, string? CustomerType);
