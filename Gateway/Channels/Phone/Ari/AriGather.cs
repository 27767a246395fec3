namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// ARI has no "play and collect digits": a <c>gather</c> is the prompts played, then a timer on the product's clock
/// that starts when the last of them finishes. A key pressed stops it; when it runs out the call hears
/// <c>input.timeout</c> through <paramref name="timedOut"/>.
/// </summary>
public sealed class AriGather(TimeProvider clock, Action<AriCall, int> timedOut)
{
    public void Expect(AriCall call, TimeSpan timeout)
    {
        Cancel(call);
        call.GatherPending = timeout;
        if (call.PlaybacksPlaying.Count == 0)
        {
            Start(call);
        }
    }

    public void PromptFinished(AriCall call, string? playbackId)
    {
        if (playbackId is not null && call.PlaybacksPlaying.Remove(playbackId) && call.PlaybacksPlaying.Count == 0 && call.GatherPending is not null)
        {
            Start(call);
        }
    }

    public void Cancel(AriCall call)
    {
        call.GatherPending = null;
        call.GatherTimer?.Dispose();
        call.GatherTimer = null;
        call.GatherRound++;
    }

    private void Start(AriCall call)
    {
        var round = call.GatherRound;
        var timeout = call.GatherPending!.Value;
        call.GatherPending = null;
        call.GatherTimer = clock.CreateTimer(_ => timedOut(call, round), null, timeout, Timeout.InfiniteTimeSpan);
    }
}
