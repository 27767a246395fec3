using Switchboard.Contracts.Calls;
using Switchboard.Domain.Calls;
using Switchboard.Gateway.Channels.Phone.Speech;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// The call grain's commands (CHANNELS.md) as ARI requests: <c>answer</c>, prompts played from the gateway's rendered
/// WAVs, <c>gather</c> as a timer after them, <c>connect</c> as a bridge with the operator's phone, <c>enqueue</c> as
/// music on hold, <c>hangup</c>. A request ARI refuses ends the turn with a log line; the call goes on at its next event.
/// </summary>
public sealed class AriCommands(AriClient ari, AriCalls calls, AriGather gather, PromptSpeech speech, ILogger logger)
{
    /// <summary>Carries out <paramref name="commands"/> in order; false when ARI refused one (logged), and the rest were skipped.</summary>
    public async Task<bool> RunAsync(AriCall call, IReadOnlyList<PhoneCommand> commands, CancellationToken cancellationToken)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            try
            {
                await RunAsync(call, commands[i], cancellationToken);
            }
            catch (AriException failure)
            {
                logger.LogWarning("Call {Call} on site {Site}: '{Command}' not done, nor the {Rest} commands after it: {Problem}",
                    call.CallId, ari.Site.Site, commands[i].Type, commands.Count - i - 1, failure.Message);
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Puts the caller through to <paramref name="operatorId"/>'s phone: both channels in one mixing bridge. A caller on
    /// hold is taken off it; a caller already talking to an operator (a transfer) is handed to the new one.
    /// </summary>
    public async Task ConnectAsync(AriCall call, string operatorId, CancellationToken cancellationToken)
    {
        if (!call.Answered)
        {
            await ari.AnswerAsync(call.ChannelId, cancellationToken);
            call.Answered = true;
        }
        await StopHoldAsync(call, cancellationToken);
        await ReleaseOperatorAsync(call, cancellationToken);
        if (!call.BridgeCreated)
        {
            await ari.CreateBridgeAsync(call.BridgeId, cancellationToken);
            call.BridgeCreated = true;
        }
        if (!call.InBridge)
        {
            await ari.AddToBridgeAsync(call.BridgeId, call.ChannelId, cancellationToken);
            call.InBridge = true;
        }
        // Known before it exists, so its StasisStart (the operator picking up) is never taken for a new caller.
        var leg = call.StartOperatorLeg();
        calls.ByOperatorLeg[leg] = call;
        await ari.OriginateAsync(ari.Site.OperatorEndpointOf(operatorId), leg, call.Caller, OriginateCommand.RingSeconds, cancellationToken);
    }

    /// <summary>Holds the caller for the queue (music on hold), out of the bridge and away from an operator they were talking to.</summary>
    private async Task HoldAsync(AriCall call, CancellationToken cancellationToken)
    {
        await ReleaseOperatorAsync(call, cancellationToken);
        if (call.InBridge)
        {
            await ari.RemoveFromBridgeAsync(call.BridgeId, call.ChannelId, cancellationToken);
            call.InBridge = false;
        }
        await ari.HoldAsync(call.ChannelId, cancellationToken);
        call.OnHold = true;
    }

    private async Task StopHoldAsync(AriCall call, CancellationToken cancellationToken)
    {
        if (call.OnHold)
        {
            await ari.StopHoldAsync(call.ChannelId, cancellationToken);
            call.OnHold = false;
        }
    }

    /// <summary>
    /// Hangs up the operator's leg the call no longer needs (a transfer). Forgotten first, so its hang-up is not taken
    /// for the operator leaving the caller; one that is already gone is no reason to stop.
    /// </summary>
    private async Task ReleaseOperatorAsync(AriCall call, CancellationToken cancellationToken)
    {
        if (!call.OperatorLegStarted || !calls.ByOperatorLeg.TryRemove(call.OperatorLeg, out _))
        {
            return;
        }
        try
        {
            await ari.HangupAsync(call.OperatorLeg, cancellationToken);
        }
        catch (AriException failure)
        {
            logger.LogInformation("Call {Call} on site {Site}: the previous operator's leg not hung up: {Problem}", call.CallId, ari.Site.Site, failure.Message);
        }
    }

    private async Task RunAsync(AriCall call, PhoneCommand command, CancellationToken cancellationToken)
    {
        switch (command.Type)
        {
            case "answer":
                await ari.AnswerAsync(call.ChannelId, cancellationToken);
                call.Answered = true;
                break;
            case "say":
                if (await MediaOf(command, cancellationToken) is { } prompt)
                {
                    await PlayAsync(call, prompt, cancellationToken);
                }
                break;
            case "play" when command.Url is { Length: > 0 } url:
                await PlayAsync(call, url, cancellationToken);
                break;
            case "gather":
                gather.Expect(call, TimeSpan.FromSeconds(command.TimeoutSeconds ?? CallMenu.GatherSeconds));
                break;
            case "connect" when command.Operator is { } person:
                await ConnectAsync(call, person.Id, cancellationToken);
                break;
            case "enqueue":
                await HoldAsync(call, cancellationToken);
                break;
            case "hangup":
                await ari.HangupAsync(call.ChannelId, cancellationToken);
                break;
            default:
                logger.LogWarning("Call {Call} on site {Site}: command '{Command}' is not one the ARI adapter carries out; skipped",
                    call.CallId, ari.Site.Site, command.Type);
                break;
        }
    }

    private async Task PlayAsync(AriCall call, string media, CancellationToken cancellationToken)
    {
        await StopHoldAsync(call, cancellationToken);
        var playback = "pb-" + Guid.NewGuid().ToString("N");
        call.PlaybacksPlaying.Add(playback);
        try
        {
            await ari.PlayAsync(call.ChannelId, media, playback, cancellationToken);
        }
        catch (AriException)
        {
            call.PlaybacksPlaying.Remove(playback);
            throw;
        }
    }

    /// <summary>Asterisk speaks no text: a <c>say</c> is played from the WAV the gateway renders and serves for it.</summary>
    private async Task<string?> MediaOf(PhoneCommand say, CancellationToken cancellationToken)
    {
        if (say.AudioUrl is { Length: > 0 } rendered)
        {
            return rendered;
        }
        if (ari.Site.MediaBaseUrl is not { } gateway)
        {
            logger.LogWarning("A prompt for site {Site} is not played: its ARI settings have no MediaBaseUrl to play rendered speech from", ari.Site.Site);
            return null;
        }
        var key = await speech.RenderAsync(say.Text ?? "", say.Language ?? PhoneTexts.DefaultLanguage, cancellationToken);
        if (key is null)
        {
            logger.LogWarning("A prompt for site {Site} is not played: it could not be rendered to speech", ari.Site.Site);
            return null;
        }
        return new Uri(gateway, $"phone/speech/{key}.wav").ToString();
    }
}
