namespace Switchboard.Gateway.Campaigns;

/// <summary>The shapes a contact list arrives in, told apart by its Content-Type (a JSON array when none says otherwise).</summary>
public enum ContactListFormat
{
    JsonArray,
    Ndjson,
    /// <summary><c>text/csv</c> with a header row (<see cref="ContactCsvRows"/>).</summary>
    Csv,
}
