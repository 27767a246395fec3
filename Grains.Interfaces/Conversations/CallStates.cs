namespace Switchboard.Contracts.Conversations;

/// <summary>The <c>status</c> of a <c>call</c> event: the phone call behind a conversation with channel <c>phone</c>.</summary>
public static class CallStates
{
    public const string Offered = "offered";
    public const string Answered = "answered";
    public const string Ended = "ended";

    public static bool IsKnown(string? state) => state is Offered or Answered or Ended;
}
