namespace Switchboard.Silo.Hosting;

/// <summary>What one read of the membership table said about this silo's own entry.</summary>
public enum MembershipEntryCheck
{
    /// <summary>The entry is there and says Active.</summary>
    Present,

    /// <summary>The table answered without this silo in it, or the table itself is gone (an emptied Redis).</summary>
    Missing,

    /// <summary>The table could not be read (Redis down): no verdict; chats go on meanwhile.</summary>
    Unreadable,
}
