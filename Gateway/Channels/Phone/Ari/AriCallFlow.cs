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
/// <c>ChannelHangupRequest</c>, <c>StasisEnd</c> and <c>ChannelDestroyed</c> are <c>call.ended</c>. The operator's leg
/// is in <c>AriCallFlow.Operators.cs</c>, taking calls up again after the events socket was away in <c>AriCallFlow.Reconcile.cs</c>.
/// </summary>
public sealed partial class AriCallFlow
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

    /// <summary>
    /// Takes one event off the socket. Returns at once: the event is handled on its call's own line of steps, or held
    /// while the channels are being listed after a reconnect (<see cref="HoldEvents"/>).
    /// </summary>
    public void OnEvent(AriEvent evt)
    {
        if (!Held(evt))
        {
            Handle(evt);
        }
    }

    private void Handle(AriEvent evt)
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
            case AriEvent.RecordingFinished or AriEvent.RecordingFailed:
                OnRecordingDone(evt);
                break;
            default:
                _logger.LogDebug("ARI event {Type} of site {Site} is not one the product acts on", evt.Type, Site);
                break;
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

    /// <summary>
    /// The site's connection stopped (its settings changed or went): the menu timers of its calls stop too, so they never
    /// speak for an adapter that no longer holds the line. The calls themselves go on in Asterisk and their grains.
    /// </summary>
    public void Stop()
    {
        foreach (var call in Calls.ByChannel.Values)
        {
            Step(call, () =>
            {
                _gather.Cancel(call);
                return Task.CompletedTask;
            });
        }
    }

    private void OnStart(AriChannel channel)
    {
        if (Calls.ByOperatorLeg.TryGetValue(channel.Id, out var bridged))
        {
            OperatorPickedUp(bridged, channel.Id);
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
        if (CallIds.IsOutbound(channel.Id) && TakeUpOutbound(channel) is { } calledBack)
        {
            // Ours, started before this adapter did (it restarted while the customer's phone rang): they picked up.
            Step(calledBack, () => CalledBackAnsweredAsync(calledBack));
            return;
        }
        var call = new AriCall(channel.Id, channel.Id, channel.CallerNumber, channel.Exten, "inbound") { Created = channel.Created ?? _clock.GetUtcNow() };
        if (Calls.ByChannel.TryAdd(channel.Id, call))
        {
            Step(call, () => AskAsync(call, PhoneEventTypes.Offered, $"{call.CallId}:offered"));
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

    private async Task EndAsync(AriCall call, string reason, DateTimeOffset at)
    {
        if (call.Ended)
        {
            return;
        }
        call.Ended = true;
        _gather.Cancel(call);
        var seconds = call.Created is { } created ? (int)Math.Max(0, (at - created).TotalSeconds) : (int?)null;
        // The recording's link goes with the end: Asterisk completes the file when the bridge is destroyed, just after.
        await AskAsync(call, PhoneEventTypes.Ended, $"{call.CallId}:ended", reason: reason, durationSeconds: seconds,
            recordingUrl: call.RecordingName is { } recording ? _ari.Site.RecordingUrlOf(recording) : null);
        await LetGoOfOperatorAsync(call);
    }

    private Task TimedOutAsync(AriCall call, int round) =>
        call.Ended || call.GatherRound != round ? Task.CompletedTask : AskAsync(call, PhoneEventTypes.Timeout, $"{call.CallId}:timeout:{round}");

    /// <summary>The event asked of the call's grain, exactly as the generic hook asks it, and the answer carried out.</summary>
    private async Task AskAsync(
        AriCall call, string type, string eventId, string? digits = null, string? reason = null, int? durationSeconds = null,
        string? recordingUrl = null)
    {
        var evt = new PhoneEvent(eventId, call.CallId, type, call.Caller, call.To)
        {
            Direction = call.Direction, Digits = digits, Reason = reason, DurationSeconds = durationSeconds, RecordingUrl = recordingUrl,
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