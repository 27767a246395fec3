namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>reason</c> of a <c>closed</c> event the system made on its own (none when a person closed it).</summary>
public static class CloseReasons
{
    /// <summary>The visitor left while still waiting, and did not come back within the queue's inactivity limit.</summary>
    public const string Abandoned = "abandoned";
    /// <summary>The visitor closed a chat that the help-while-waiting bot answered before any operator joined.</summary>
    public const string SelfServed = "self_served";
}
