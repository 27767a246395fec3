namespace Switchboard.Contracts.Campaigns;

/// <summary>How one campaign call ended, as the campaign books it.</summary>
public static class CallResults
{
    /// <summary>Answered: the customer said yes (or confirmed their order).</summary>
    public const string Yes = "yes";
    public const string No = "no";
    /// <summary>Answered, but no choice was heard.</summary>
    public const string NoChoice = "no_choice";
    /// <summary>Not answered: tried again after the retry delay while attempts remain.</summary>
    public const string Busy = "busy";
    public const string NoAnswer = "no_answer";
    public const string Failed = "failed";
    /// <summary>The PBX did not take the originate.</summary>
    public const string NotStarted = "not_started";
    /// <summary>No event of the call came back within <c>Campaigns:LostCallMinutes</c> (the PBX or a host died mid-call).</summary>
    public const string Lost = "lost";
    /// <summary>The number was on the site's do-not-call list when its turn came: never dialled.</summary>
    public const string DoNotCall = "do_not_call";

    public static bool IsRetried(string result) => result is Busy or NoAnswer or Failed or NotStarted or Lost;
}
