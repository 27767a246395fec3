using System.Globalization;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// What the adapter keeps in memory about one call on an Asterisk channel: the ids that map it to its call grain, and
/// the media state ARI leaves to its client (prompts playing, a menu waiting for a key, the operator's leg). The call's
/// own state lives in its grain; this is only what drives the channel. Touched only from the call's own steps.
/// </summary>
public sealed class AriCall(string channelId, string callId, string caller, string? to, string direction)
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    public string ChannelId => channelId;
    /// <summary>The call grain's call id: the inbound channel's id, or the call back's id the product chose.</summary>
    public string CallId => callId;
    /// <summary>The caller's number; for a call taken up after a restart, the one its grain knows.</summary>
    public string Caller { get; set; } = caller;
    public string? To => to;
    public string Direction => direction;

    public DateTimeOffset? Created { get; init; }
    public bool Answered { get; set; }
    public bool Ended { get; set; }

    /// <summary>The operator who pressed call back: put through once the customer picks up.</summary>
    public string? CallBackOperator { get; set; }

    public HashSet<string> PlaybacksPlaying { get; } = [];
    /// <summary>A <c>gather</c>'s timeout, held until the prompts before it finish: the caller has that long after hearing them.</summary>
    public TimeSpan? GatherPending { get; set; }
    /// <summary>Which gather the running timer belongs to, so a late timer of an earlier menu changes nothing.</summary>
    public int GatherRound { get; set; }
    public ITimer? GatherTimer { get; set; }

    public string BridgeId => "br-" + callId;
    public bool BridgeCreated { get; set; }
    public bool InBridge { get; set; }
    /// <summary>Music on hold is playing: stopped before a prompt or the operator.</summary>
    public bool OnHold { get; set; }

    /// <summary>The name of the call's recording, once one was started: the transcript's link is made from it.</summary>
    public string? RecordingName { get; set; }

    /// <summary>The operator's channel: <c>op-{callId}</c>, then <c>op-{callId}-2</c> … for each operator it is transferred to.</summary>
    public string OperatorLeg { get; private set; } = "op-" + callId;
    public bool OperatorLegStarted { get; private set; }
    public bool OperatorAnswered { get; set; }
    private int _operatorLegs;

    /// <summary>The id for the next operator's channel; the previous one, if any, is no longer this call's.</summary>
    public string StartOperatorLeg()
    {
        _operatorLegs++;
        OperatorLeg = _operatorLegs == 1 ? "op-" + callId : $"op-{callId}-{_operatorLegs}";
        OperatorLegStarted = true;
        OperatorAnswered = false;
        return OperatorLeg;
    }

    /// <summary>
    /// Takes up the operator's channel <paramref name="leg"/> a call already had (found still up after a restart), so a
    /// hang-up on it, a transfer and the call's end treat it as the call's own, and the next leg gets the next number.
    /// </summary>
    public void ResumeOperatorLeg(string leg, int number, bool answered)
    {
        _operatorLegs = number;
        OperatorLeg = leg;
        OperatorLegStarted = true;
        OperatorAnswered = answered;
        (BridgeCreated, InBridge) = (true, true);
    }

    /// <summary>Which of call <paramref name="callId"/>'s operator legs <paramref name="channel"/> is (1, 2 …), or null when it is none of them.</summary>
    public static int? OperatorLegNumber(string callId, string channel)
    {
        var first = "op-" + callId;
        if (channel == first)
        {
            return 1;
        }
        return channel.StartsWith(first + "-", StringComparison.Ordinal) && int.TryParse(channel.AsSpan(first.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 1
            ? number
            : null;
    }

    /// <summary>Runs <paramref name="step"/> after every step queued before it: a call's events are handled one at a time, in order.</summary>
    public void Then(Func<Task> step)
    {
        lock (_gate)
        {
            _tail = After(_tail, step);
        }
    }

    private static async Task After(Task previous, Func<Task> step)
    {
        await previous;
        await step();
    }
}
