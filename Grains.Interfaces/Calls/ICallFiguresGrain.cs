namespace Switchboard.Contracts.Calls;

/// <summary>One queue's phone figures (key <c>{site}/pf:{queue}</c>), told by its calls as they move on.</summary>
[Alias("Switchboard.ICallFiguresGrain")]
public interface ICallFiguresGrain : IGrainWithStringKey
{
    /// <summary>A caller waits: nobody was free to connect them.</summary>
    [Alias("Waiting")]
    Task Waiting(string callId);

    /// <summary>An operator took the call <paramref name="afterWaiting"/> after it was offered.</summary>
    [Alias("Answered")]
    Task Answered(string callId, TimeSpan afterWaiting);

    /// <summary>The caller hung up waiting, without a callback.</summary>
    [Alias("Abandoned")]
    Task Abandoned(string callId);

    /// <summary>The caller left their number instead of waiting.</summary>
    [Alias("CallbackRequested")]
    Task CallbackRequested(string callId);

    /// <summary>
    /// The caller no longer waits in this queue, and nothing is counted for it here: it was transferred to another queue
    /// (where it waits from now on), or taken there after it had been answered once already.
    /// </summary>
    [Alias("StoppedWaiting")]
    Task StoppedWaiting(string callId);

    /// <summary>An operator started calling a callback back.</summary>
    [Alias("CalledBack")]
    Task CalledBack();

    [Alias("GetFigures")]
    Task<CallFigures> GetFigures();
}
