using Switchboard.Contracts.Calls;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>The operator's leg of a call: rung, picked up into the bridge, hung up; and an operator's call back.</summary>
public sealed partial class AriCallFlow
{
    /// <summary>An operator's call back to <paramref name="number"/> as an ARI originate; once the customer picks up, the operator's phone rings.</summary>
    public async Task OriginateAsync(string callId, string number, string? operatorId, CancellationToken cancellationToken)
    {
        var call = new AriCall(callId, callId, number, null, "outbound") { CallBackOperator = operatorId, Created = _clock.GetUtcNow() };
        Calls.ByChannel[callId] = call;
        try
        {
            await _ari.OriginateAsync(_ari.Site.DialEndpointOf(number), callId, null, OriginateCommand.RingSeconds, cancellationToken);
        }
        catch (AriException failure)
        {
            Calls.ByChannel.TryRemove(callId, out _);
            throw new PhoneCommandException(failure.Message);
        }
    }

    private async Task CalledBackAnsweredAsync(AriCall call)
    {
        if (call.Ended)
        {
            return;
        }
        call.Answered = true;
        await AskAsync(call, PhoneEventTypes.Answered, $"{call.CallId}:answered");
        if (call.CallBackOperator is { } operatorId)
        {
            await RunGuardedAsync(call, "connect", () => _commands.ConnectAsync(call, operatorId, CancellationToken.None));
        }
    }

    /// <summary>The operator picked up: into the bridge with the caller. Once: a reconnect's listing shows the leg again.</summary>
    private void OperatorPickedUp(AriCall bridged, string leg) =>
        Step(bridged, async () =>
        {
            if (bridged.OperatorAnswered && bridged.OperatorLeg == leg)
            {
                return;
            }
            bridged.OperatorAnswered = true;
            await _ari.AddToBridgeAsync(bridged.BridgeId, leg, CancellationToken.None);
            await AskAsync(bridged, PhoneEventTypes.Answered, $"{leg}:answered");
            await StartRecordingAsync(bridged);
        });

    /// <summary>
    /// With recording on for the site, the call's bridge is recorded from the first operator's pick-up until the call
    /// ends (a transfer keeps the same bridge, so one recording holds the whole conversation). A recording ARI refuses
    /// is logged; the call goes on unrecorded.
    /// </summary>
    private async Task StartRecordingAsync(AriCall call)
    {
        if (!_ari.Site.Record || call.RecordingName is not null)
        {
            return;
        }
        var name = RecordingNameOf(call);
        try
        {
            await _ari.RecordBridgeAsync(call.BridgeId, name, CancellationToken.None);
            call.RecordingName = name;
        }
        catch (AriException failure)
        {
            _logger.LogWarning("Call {Call} on site {Site} is not recorded: {Problem}", call.CallId, Site, failure.Message);
        }
    }

    /// <summary>One recording per call, named after it: a gateway that restarted knows the name of a recording in progress.</summary>
    private static string RecordingNameOf(AriCall call) => "switchboard-" + call.CallId;

    /// <summary>Asterisk says how a recording ended: finished (the file is complete) or failed.</summary>
    private void OnRecordingDone(AriEvent evt)
    {
        if (evt.Type == AriEvent.RecordingFailed)
        {
            _logger.LogWarning("Recording {Recording} of site {Site} failed: {Cause}", evt.RecordingName, Site, evt.RecordingCause);
            return;
        }
        _logger.LogInformation("Recording {Recording} of site {Site} finished", evt.RecordingName, Site);
    }

    /// <summary>
    /// The operator hung up: the caller's side ends too. An operator who never picked up leaves the caller on hold in
    /// the bridge rather than cut off; moving the call on is the queue's no-answer rule.
    /// </summary>
    private async Task OperatorLeftAsync(AriCall call)
    {
        if (call.Ended)
        {
            return;
        }
        if (call.OperatorAnswered)
        {
            await HangUpAsync(call.ChannelId);
            return;
        }
        _logger.LogInformation("Call {Call} on site {Site}: the operator's phone was not answered; the caller is held", call.CallId, Site);
        try
        {
            await _ari.HoldAsync(call.ChannelId, CancellationToken.None);
            call.OnHold = true;
        }
        catch (AriException failure)
        {
            _logger.LogInformation("Call {Call} on site {Site} not put on hold: {Problem}", call.CallId, Site, failure.Message);
        }
    }

    /// <summary>The call is over: the operator's phone is hung up and the bridge destroyed.</summary>
    private async Task LetGoOfOperatorAsync(AriCall call)
    {
        if (call.OperatorLegStarted && Calls.ByOperatorLeg.TryRemove(call.OperatorLeg, out _))
        {
            await HangUpAsync(call.OperatorLeg);
        }
        if (call.BridgeCreated)
        {
            // Asterisk keeps a bridge until it is destroyed, even empty.
            try
            {
                await _ari.DestroyBridgeAsync(call.BridgeId, CancellationToken.None);
            }
            catch (AriException failure)
            {
                _logger.LogInformation("Bridge {Bridge} of site {Site} not destroyed: {Problem}", call.BridgeId, Site, failure.Message);
            }
        }
    }

    private async Task HangUpAsync(string channel)
    {
        try
        {
            await _ari.HangupAsync(channel, CancellationToken.None);
        }
        catch (AriException failure)
        {
            _logger.LogInformation("Channel {Channel} of site {Site} not hung up: {Problem}", channel, Site, failure.Message);
        }
    }
}
