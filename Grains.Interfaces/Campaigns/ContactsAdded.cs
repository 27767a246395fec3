namespace Switchboard.Contracts.Campaigns;

/// <summary>What became of a batch of contacts: added, or already in the campaign (by number).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Campaigns.ContactsAdded")]
public sealed record ContactsAdded([property: Id(0)] int Added, [property: Id(1)] int Duplicates);
