namespace Switchboard.Grains.Campaigns;

/// <summary>A contact as the campaign store keeps it: who, what to say, and where their calls are.</summary>
public sealed record StoredContact(
    long Id,
    string Phone,
    string? CustomerId,
    string? Name,
    string? Data,
    string? TimeZone,
    string State,
    int Step,
    int Attempt,
    string? CallId,
    DateTimeOffset AddedAt);
