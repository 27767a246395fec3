namespace Switchboard.Grains.Campaigns;

/// <summary>Where a contact goes after a call: its new state, and when it is due again (a retry or re-offer) if ever.</summary>
public sealed record ContactOutcome(string State, DateTimeOffset? DueAt, int Step, int Attempt, bool Answered);
