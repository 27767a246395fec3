namespace Switchboard.Grains.Calls;

/// <summary>Where a call is in its life: what the next DTMF key or hang-up means.</summary>
public enum CallStage
{
    /// <summary>No <c>call.offered</c> seen: any other event is for a call this product does not know.</summary>
    Unknown,
    /// <summary>Put through to an operator.</summary>
    Connected,
    /// <summary>Nobody was free: the caller hears the overflow menu.</summary>
    Menu,
    /// <summary>The caller chose to wait for an operator: the PBX holds them in the queue.</summary>
    Waiting,
    /// <summary>The caller left their number for a callback and was let go.</summary>
    CallbackRequested,
    Ended,
    /// <summary>
    /// Offered to a free operator whose console rings; the PBX holds the caller until they accept (<c>connect</c> is
    /// pushed) or the call moves on. Only for PBXs that take pushed commands.
    /// </summary>
    Ringing,
}
