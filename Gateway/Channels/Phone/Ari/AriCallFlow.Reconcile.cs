using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Campaigns;
using Switchboard.Domain.Calls;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// The calls after the events socket was away: those that ended meanwhile, legs picked up meanwhile, and channels the
/// adapter does not know (it restarted), taken up where their grains say they are; events that came during the listing
/// are held until it is done.
/// </summary>
public sealed partial class AriCallFlow
{
    /// <summary>More events than a listing's moment brings: past it, an event is logged and dropped.</summary>
    public const int MaxHeldEvents = 1000;

    private readonly Lock _holding = new();
    private List<AriEvent>? _held;

    /// <summary>
    /// From a reconnect until <see cref="ReleaseEvents"/>: events are kept, not handled, so that a key pressed before the
    /// listing has taken its call up again still finds the call.
    /// </summary>
    public void HoldEvents()
    {
        lock (_holding)
        {
            _held ??= [];
        }
    }

    /// <summary>The held events, handled in the order they came; then events are handled as they come again.</summary>
    public void ReleaseEvents()
    {
        while (true)
        {
            List<AriEvent> held;
            lock (_holding)
            {
                if (_held is not { Count: > 0 })
                {
                    _held = null;
                    return;
                }
                held = _held;
                _held = [];
            }
            foreach (var evt in held)
            {
                Handle(evt);
            }
        }
    }

    private bool Held(AriEvent evt)
    {
        lock (_holding)
        {
            if (_held is null)
            {
                return false;
            }
            if (_held.Count < MaxHeldEvents)
            {
                _held.Add(evt);
                _logger.LogInformation("ARI event {Type} of site {Site} held until the channels are listed", evt.Type, Site);
            }
            else
            {
                _logger.LogWarning("ARI event {Type} of site {Site} came while {Count} were held for the channel listing: dropped", evt.Type, Site, MaxHeldEvents);
            }
            return true;
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
        // Calls the product started that this adapter does not know (it restarted while they rang): known again as
        // outbound, so a pick-up, now or while the adapter was away, is the call's answer and not a new caller.
        foreach (var channel in channels.Where(c => CallIds.IsOutbound(c.Id)))
        {
            TakeUpOutbound(channel);
        }
        foreach (var channel in channels.Where(c => c.IsIn(_ari.Site.App)))
        {
            if (Calls.ByChannel.ContainsKey(channel.Id) || Calls.ByOperatorLeg.ContainsKey(channel.Id))
            {
                // Known: only what happened while the socket was away is new (an operator or a called customer picked up).
                OnStart(channel);
            }
            else if (!channel.Id.StartsWith("op-", StringComparison.Ordinal))
            {
                // An operator's leg the adapter does not know is found by its call's take-up, below.
                TakeUp(channel, channels);
            }
        }
    }

    /// <summary>
    /// An outbound call's channel this adapter does not know: the call again, not answered yet (its pick-up, the
    /// <c>StasisStart</c> to come or the listing's, answers it), with the operator an operator's call back rings then.
    /// Null when the adapter knows the channel already.
    /// </summary>
    private AriCall? TakeUpOutbound(AriChannel channel)
    {
        var call = new AriCall(channel.Id, channel.Id, channel.CallerNumber, null, "outbound") { Created = channel.Created ?? _clock.GetUtcNow() };
        if (!Calls.ByChannel.TryAdd(channel.Id, call))
        {
            return null;
        }
        _logger.LogInformation("Call {Call} on site {Site} taken up again (outbound)", call.CallId, Site);
        // A campaign's call is its script's, which needs no operator; an operator's call back is its grain's.
        if (!CampaignCallIds.IsCampaignCall(call.CallId))
        {
            Step(call, async () =>
            {
                var progress = await _grains.Grain<ICallGrain>(GrainKeys.Call(Site, call.CallId)).GetProgress();
                if (progress.Stage == CallProgress.Over)
                {
                    _logger.LogWarning("Call {Call} on site {Site} is over for the product, but its channel was still up; hung up", call.CallId, Site);
                    call.Ended = true;
                    await HangUpAsync(call.ChannelId);
                    return;
                }
                call.Caller = progress.Caller is { Length: > 0 } number ? number : call.Caller;
                call.CallBackOperator = progress.CallBackOperator;
            });
        }
        return call;
    }

    /// <summary>A channel in the app that this adapter does not know: a call of the adapter before it restarted, or one it never asked about.</summary>
    private void TakeUp(AriChannel channel, IReadOnlyList<AriChannel> channels)
    {
        if (channel.Id.Length > PhoneEventJson.MaxIdLength || channel.Id.Contains('/'))
        {
            _logger.LogWarning("ARI channel {Channel} of site {Site} is not a call the product can take (an unusable id)", channel.Id, Site);
            return;
        }
        var call = new AriCall(channel.Id, channel.Id, channel.CallerNumber, channel.Exten, "inbound") { Created = channel.Created ?? _clock.GetUtcNow() };
        if (Calls.ByChannel.TryAdd(channel.Id, call))
        {
            Step(call, () => TakeUpAsync(call, channels));
        }
    }

    /// <summary>
    /// The call carries on from where its grain says it is; nothing the caller already heard is said again. In the menu
    /// the key's timeout starts again (the caller may have heard the prompt out while the adapter was away); held, the
    /// music on hold Asterisk kept playing goes on; put through, the operator's leg still up is the call's again.
    /// </summary>
    private async Task TakeUpAsync(AriCall call, IReadOnlyList<AriChannel> channels)
    {
        var progress = await _grains.Grain<ICallGrain>(GrainKeys.Call(Site, call.CallId)).GetProgress();
        if (progress.Stage == CallProgress.New)
        {
            // Never asked about: the adapter went away between the channel's StasisStart and its offer.
            await AskAsync(call, PhoneEventTypes.Offered, $"{call.CallId}:offered");
            return;
        }
        _logger.LogInformation("Call {Call} on site {Site} taken up again ({Stage})", call.CallId, Site, progress.Stage);
        call.Answered = true;
        if (progress.Caller is { Length: > 0 } caller)
        {
            call.Caller = caller;
        }
        var leg = progress.Stage == CallProgress.Connected ? LatestOperatorLeg(call, channels) : null;
        switch (progress.Stage)
        {
            case CallProgress.Menu:
                _gather.Expect(call, TimeSpan.FromSeconds(CallMenu.GatherSeconds));
                break;
            case CallProgress.Held:
                call.OnHold = true;
                break;
            case CallProgress.Connected when leg is ({ } channel, var number):
                Calls.ByOperatorLeg[channel.Id] = call;
                call.ResumeOperatorLeg(channel.Id, number, answered: channel.IsIn(_ari.Site.App));
                // Asterisk kept recording the bridge while the adapter was away.
                call.RecordingName = _ari.Site.Record && call.OperatorAnswered ? RecordingNameOf(call) : null;
                break;
            case CallProgress.Connected:
                // The operator's phone went while the adapter was away (or was never rung): nobody is coming to this line.
                _logger.LogWarning("Call {Call} on site {Site} was put through, but no operator's leg is up any more; the caller is let go", call.CallId, Site);
                await HangUpAsync(call.ChannelId);
                break;
            default:
                _logger.LogWarning("Call {Call} on site {Site} is over for the product, but its channel was still up; hung up", call.CallId, Site);
                await HangUpAsync(call.ChannelId);
                break;
        }
    }

    private static (AriChannel Leg, int Number)? LatestOperatorLeg(AriCall call, IReadOnlyList<AriChannel> channels) =>
        channels.Select(c => (Leg: c, Number: AriCall.OperatorLegNumber(call.CallId, c.Id)))
            .Where(c => c.Number is not null)
            .Select(c => (c.Leg, Number: c.Number!.Value))
            .OrderByDescending(c => c.Number)
            .Cast<(AriChannel, int)?>()
            .FirstOrDefault();
}
