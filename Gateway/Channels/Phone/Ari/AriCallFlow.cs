using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Campaigns;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// One site's ARI events as the generic adapter's phone events, asked of the same call grains, and their answers
/// carried out over ARI's REST. <c>StasisStart</c> of a new channel is <c>call.offered</c> (the channel id is the call
/// id), <c>ChannelDtmfReceived</c> is <c>input.dtmf</c>, <c>PlaybackFinished</c> is <c>prompt.finished</c>,
/// <c>ChannelHangupRequest</c>, <c>StasisEnd</c> and <c>ChannelDestroyed</c> are <c>call.ended</c>.
/// </summary>
public sealed class AriCallFlow
{
    public const string ChannelDestroyed = "ChannelDestroyed";

    private readonly AriClient _ari;
    private readonly IGrainFactory _grains;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly AriGather _gather;
    private readonly AriCommands _commands;
    private readonly AriSeenEvents _seen = new();

    public AriCallFlow(AriClient ari, IGrainFactory grains, IServiceProvider services, TimeProvider clock, ILogger logger)
    {
        _ari = ari;
        _grains = grains;
        _services = services;
        _clock = clock;
        _logger = logger;
        _gather = new AriGather(clock, (call, round) => Step(call, () => TimedOutAsync(call, round)));
        _commands = new AriCommands(ari, Calls, _gather, services.GetRequiredService<PromptSpeech>(), logger);
    }

    public AriCalls Calls { get; } = new();
    private string Site => _ari.Site.Site;

    /// <summary>Takes one event off the socket. Returns at once: the event is handled on its call's own line of steps.</summary>
    public void OnEvent(AriEvent evt)
    {
        if (!_seen.FirstTime(evt.Id))
        {
            _logger.LogDebug("ARI event {Event} of site {Site} seen before; ignored", evt.Id, Site);
            return;
        }
        switch (evt.Type)
        {
            case AriEvent.StasisStart when evt.Channel is { } channel:
                OnStart(channel);
                break;
            case AriEvent.Dtmf:
                WithCall(evt, call =>
                {
                    _gather.Cancel(call);
                    return AskAsync(call, PhoneEventTypes.Dtmf, evt.Id, digits: evt.Digit);
                });
                break;
            case AriEvent.PlaybackFinished:
                WithCall(evt, call =>
                {
                    _gather.PromptFinished(call, evt.PlaybackId);
                    return AskAsync(call, PhoneEventTypes.PromptFinished, evt.Id);
                });
                break;
            case AriEvent.HangupRequest or AriEvent.StasisEnd or ChannelDestroyed:
                OnHangup(evt);
                break;
            default:
                _logger.LogDebug("ARI event {Type} of site {Site} is not one the product acts on", evt.Type, Site);
                break;
        }
    }

    /// <summary>
    /// After the events socket was away (an Asterisk restart): calls whose channels are gone hung up meanwhile and
    /// end; channels in this app the adapter does not know (a gateway restart) are taken up again.
    /// </summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        // Only calls known before the listing was asked for can be missing from it for having ended: one that started
        // while the answer was on its way is not in it either, and is very much alive.
        var calls = Calls.ByChannel.Values.ToList();
        var legs = Calls.ByOperatorLeg.ToList();
        var channels = await _ari.ListChannelsAsync(cancellationToken);
        var live = channels.Select(c => c.Id).ToHashSet();
        // A call back still ringing may not exist in Asterisk yet (its originate is on its way): left to its own events.
        foreach (var call in calls.Where(c => !live.Contains(c.ChannelId) && (c.Direction != "outbound" || c.Answered)))
        {
            _logger.LogInformation("Call {Call} on site {Site} ended while ARI's events were away", call.CallId, Site);
            Step(call, () => EndAsync(call, "completed", _clock.GetUtcNow()));
            Calls.ByChannel.TryRemove(call.ChannelId, out _);
        }
        foreach (var (leg, call) in legs.Where(l => !live.Contains(l.Key)))
        {
            Calls.ByOperatorLeg.TryRemove(leg, out _);
            Step(call, () => OperatorLeftAsync(call));
        }
        foreach (var channel in channels.Where(c => c.IsIn(_ari.Site.App)))
        {
            OnStart(channel);
        }
    }

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

    /// <summary>
    /// Commands the call's grain pushed between events (an operator accepted, a transfer, nobody answered), carried out
    /// on the call's own line after whatever it is doing now. False when the call is not this adapter's, or is over.
    /// Returns before they run, as a PBX answers a push before acting on it: the grain that pushed may be what the
    /// call's line is waiting on.
    /// </summary>
    public bool Take(string callId, IReadOnlyList<PhoneCommand> commands)
    {
        if (!Calls.ByChannel.TryGetValue(callId, out var call) || call.Ended)
        {
            _logger.LogWarning("Commands for call {Call} on site {Site} not taken: it is no call of this ARI connection, or it is over", callId, Site);
            return false;
        }
        Step(call, () => _commands.RunAsync(call, commands, CancellationToken.None));
        return true;
    }

    private void OnStart(AriChannel channel)
    {
        if (Calls.ByOperatorLeg.TryGetValue(channel.Id, out var bridged))
        {
            // The operator picked up: into the bridge with the caller.
            Step(bridged, async () =>
            {
                bridged.OperatorAnswered = true;
                await _ari.AddToBridgeAsync(bridged.BridgeId, channel.Id, CancellationToken.None);
                await AskAsync(bridged, PhoneEventTypes.Answered, $"{channel.Id}:answered");
            });
            return;
        }
        if (Calls.ByChannel.TryGetValue(channel.Id, out var known))
        {
            if (known.Direction == "outbound" && !known.Answered)
            {
                Step(known, () => CalledBackAnsweredAsync(known));
            }
            return;
        }
        if (channel.Id.StartsWith("op-", StringComparison.Ordinal) || channel.Id.Length > PhoneEventJson.MaxIdLength || channel.Id.Contains('/'))
        {
            _logger.LogWarning("ARI channel {Channel} of site {Site} is not a call the product can take (a leg it no longer knows, or an unusable id)", channel.Id, Site);
            return;
        }
        var call = new AriCall(channel.Id, channel.Id, channel.CallerNumber, channel.Exten, "inbound") { Created = channel.Created ?? _clock.GetUtcNow() };
        if (Calls.ByChannel.TryAdd(channel.Id, call))
        {
            Step(call, () => AskAsync(call, PhoneEventTypes.Offered, $"{call.CallId}:offered"));
        }
    }

    private async Task CalledBackAnsweredAsync(AriCall call)
    {
        call.Answered = true;
        await AskAsync(call, PhoneEventTypes.Answered, $"{call.CallId}:answered");
        if (call.CallBackOperator is { } operatorId)
        {
            await RunGuardedAsync(call, "connect", () => _commands.ConnectAsync(call, operatorId, CancellationToken.None));
        }
    }

    private void OnHangup(AriEvent evt)
    {
        if (evt.ChannelId is { } leg && Calls.ByOperatorLeg.TryRemove(leg, out var bridged))
        {
            Step(bridged, () => OperatorLeftAsync(bridged));
            return;
        }
        // A channel's end comes as two or three events; only the first finds the call, the others need no word in the log.
        WithCall(evt, call => EndAsync(call, evt.Reason, AriChannel.Time(evt.Timestamp) ?? _clock.GetUtcNow()), quietWhenUnknown: true);
        if (evt.Type is AriEvent.StasisEnd or ChannelDestroyed && evt.ChannelId is { } gone)
        {
            Calls.ByChannel.TryRemove(gone, out _);
        }
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

    private async Task EndAsync(AriCall call, string reason, DateTimeOffset at)
    {
        if (call.Ended)
        {
            return;
        }
        call.Ended = true;
        _gather.Cancel(call);
        var seconds = call.Created is { } created ? (int)Math.Max(0, (at - created).TotalSeconds) : (int?)null;
        await AskAsync(call, PhoneEventTypes.Ended, $"{call.CallId}:ended", reason: reason, durationSeconds: seconds);
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

    private Task TimedOutAsync(AriCall call, int round) =>
        call.Ended || call.GatherRound != round ? Task.CompletedTask : AskAsync(call, PhoneEventTypes.Timeout, $"{call.CallId}:timeout:{round}");

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

    /// <summary>The event asked of the call's grain, exactly as the generic hook asks it, and the answer carried out.</summary>
    private async Task AskAsync(
        AriCall call, string type, string eventId, string? digits = null, string? reason = null, int? durationSeconds = null)
    {
        var evt = new PhoneEvent(eventId, call.CallId, type, call.Caller, call.To)
        {
            Direction = call.Direction, Digits = digits, Reason = reason, DurationSeconds = durationSeconds,
            // The grain pushes what it decides between events to this gateway (IAriLineGrain): a console rings first.
            Adapter = PhoneAdapters.Ari, PbxTakesCommands = true,
        };
        if (CampaignCallIds.IsCampaignCall(call.CallId))
        {
            // A robot campaign's call (Gateway/Campaigns): its script answers, not the call grain.
            var script = await _services.GetRequiredService<Switchboard.Gateway.Campaigns.CampaignCallHook>().CommandsAsync(Site, evt, CancellationToken.None);
            await _commands.RunAsync(call, script, CancellationToken.None);
            return;
        }
        var answer = await _grains.Grain<ICallGrain>(GrainKeys.Call(Site, call.CallId)).Handle(evt);
        if (answer.Ignored is { } why)
        {
            _logger.LogWarning("ARI event {Event} ({Type}) of call {Call} on site {Site} changed nothing: {Why}", eventId, type, call.CallId, Site, why);
        }
        var commands = answer.Commands;
        if (answer.ReadOrderStatus)
        {
            var status = await _services.GetRequiredService<OrderStatusReader>().ReadAsync(Site, call.Caller, answer.Language, CancellationToken.None);
            commands = [PhoneCommand.Say(status, answer.Language), .. commands];
        }
        await _commands.RunAsync(call, commands, CancellationToken.None);
    }

    private void WithCall(AriEvent evt, Func<AriCall, Task> handle, bool quietWhenUnknown = false)
    {
        if (evt.ChannelId is { } id && Calls.ByChannel.TryGetValue(id, out var call))
        {
            Step(call, () => handle(call));
        }
        else if (!quietWhenUnknown && (evt.ChannelId is null || !Calls.ByOperatorLeg.ContainsKey(evt.ChannelId)))
        {
            _logger.LogWarning("ARI event {Type} for unknown channel '{Channel}' on site {Site}: ignored", evt.Type, evt.ChannelId, Site);
        }
    }

    /// <summary>Queued on the call's line; whatever goes wrong is logged there and the next step still runs.</summary>
    private void Step(AriCall call, Func<Task> step) => call.Then(() => RunGuardedAsync(call, "event", step));

    private async Task RunGuardedAsync(AriCall call, string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            _logger.LogWarning(failure, "Call {Call} on site {Site}: an {What} was not handled: {Problem}", call.CallId, Site, what, failure.Message);
        }
    }
}
