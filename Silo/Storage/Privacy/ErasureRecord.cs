namespace Switchboard.Silo.Storage.Privacy;

/// <summary>One erasure, for the audit: whose data (the customer id asked for), who asked, when, and how much went.</summary>
public sealed record ErasureRecord(string Subject, string RequestedBy, DateTimeOffset At, int Conversations, int Attachments);
