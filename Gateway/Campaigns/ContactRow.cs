using System.Text.Json;

namespace Switchboard.Gateway.Campaigns;

/// <summary>One row of a contact list as read: the contact's JSON object, or why the row could not even be read (a line that is not JSON, a CSV record of the wrong width).</summary>
public readonly record struct ContactRow(JsonElement Json, string? Unreadable = null)
{
    public static ContactRow Broken(string why) => new(default, why);
}
