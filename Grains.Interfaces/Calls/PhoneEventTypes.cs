namespace Switchboard.Contracts.Calls;

/// <summary>The <c>type</c> of an event the PBX posts to <c>/hooks/phone/{site}</c> (CHANNELS.md, generic adapter).</summary>
public static class PhoneEventTypes
{
    public const string Offered = "call.offered";
    public const string Answered = "call.answered";
    public const string Dtmf = "input.dtmf";
    public const string Speech = "input.speech";
    public const string Timeout = "input.timeout";
    public const string PromptFinished = "prompt.finished";
    public const string Ended = "call.ended";

    public static bool IsKnown(string? type) => type is Offered or Answered or Dtmf or Speech or Timeout or PromptFinished or Ended;
}
