namespace Switchboard.Gateway.Campaigns;

/// <summary>The answer to a contact list: how many were added, refused (with the first reasons, by row) and duplicates.</summary>
public sealed record ContactListResult(int Added, int Refused, int Duplicates, IReadOnlyList<ContactListResult.Problem> Problems)
{
    /// <summary>Row numbers count from 1 in the order the contacts were sent.</summary>
    public sealed record Problem(long Row, string Reason);
}
