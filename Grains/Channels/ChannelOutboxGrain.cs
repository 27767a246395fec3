using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Channels;

/// <summary>
/// The durable outbox of one messenger conversation. A message is stored before it is sent; sends go one at a time,
/// in order, outside the grain's turn (a slow platform never holds up an operator's next message), and the outcome
/// comes back as a call to itself. A reminder brings the outbox back on another silo while anything is pending, so a
/// message survives the death of the silo that held it. A silo that dies after the platform took a message but
/// before its outcome was stored sends it again: platforms that deduplicate (VK's <c>random_id</c>, derived from the
/// message id) show it once; others may show it twice, which is better than never.
/// <para>
/// Outcomes are stored apart from what is pending (<see cref="OutboxOutcomes"/>), and a finished send writes only its
/// outcome: the head it finished leaves the stored pending list with the next write of it, and a pending head whose
/// outcome is stored is taken as finished on activation. So a message costs one write of the kept outcomes, not two,
/// and the write that stores a new message carries none of them. The reminder stays while the outbox is busy and goes
/// when a tick of it finds nothing pending, so a chat's messages do not register and remove it one by one.
/// </para>
/// </summary>
public sealed class ChannelOutboxGrain(
    [PersistentState(StorageNames.OutboxState, StorageNames.Provider)] IPersistentState<OutboxState> state,
    [PersistentState(StorageNames.OutboxOutcomes, StorageNames.Provider)] IPersistentState<OutboxOutcomes> outcomes,
    IEnumerable<IChannelSender> senders,
    TimeProvider clock,
    ILogger<ChannelOutboxGrain> logger)
    : Grain, IChannelOutboxGrain, IRemindable
{
    public const string PendingReminder = "outbox";
    /// <summary>The outcomes kept to answer a repeated enqueue; a conversation asks again only for its latest messages.</summary>
    public const int KeptOutcomes = 500;
    /// <summary>A send that has not come back by then is taken as lost and tried again.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(2);

    private string _site = "";
    private string _conversationId = "";
    private string? _inFlight;
    private DateTimeOffset _inFlightSince;
    private IGrainTimer? _timer;
    private KeptReminder _reminder = null!;
    // The stored pending list still holds heads whose sends finished (their outcomes are stored): the next write fixes it.
    private bool _pendingStale;

    private OutboxState Box => state.State;
    private List<DeliveryReport> Done => outcomes.State.Kept;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _conversationId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _reminder = await KeptReminder.LoadAsync(this, PendingReminder);
        await MoveOutcomesOutOfTheBox();
        DropFinishedHeads();
        await Schedule();
    }

    /// <summary>
    /// A state written before the outcomes were stored apart: its outcomes are stored in their own state first, then the
    /// state is written without them (a crash between the two leaves them in both, and the move runs again).
    /// </summary>
    private async Task MoveOutcomesOutOfTheBox()
    {
        if (Box.Done.Count == 0)
        {
            return;
        }
        Done.AddRange(Box.Done.Where(old => !Done.Any(kept => kept.MessageId == old.MessageId)));
        Box.Done.Clear();
        Trim();
        await outcomes.WriteStateAsync();
        await WritePending();
    }

    /// <summary>
    /// Heads whose outcome is stored finished before the pending list was written again; the conversation may not have
    /// heard of them (the silo may have died before telling it), so it is told again, which it takes once.
    /// </summary>
    private void DropFinishedHeads()
    {
        while (Box.Pending.FirstOrDefault() is { } head && Done.FirstOrDefault(d => d.MessageId == head.Message.MessageId) is { } finished)
        {
            Box.Pending.RemoveAt(0);
            _pendingStale = true;
            Tell(head, finished);
        }
    }

    public async Task Enqueue(string channel, string contactId, OutboundMessage message)
    {
        if (Done.FirstOrDefault(d => d.MessageId == message.MessageId) is { } done)
        {
            // Sent (or given up) before: the conversation missed the outcome, so it is told again rather than sent twice.
            Report(done);
            return;
        }
        if (Box.Pending.Any(p => p.Message.MessageId == message.MessageId || p.PartOf == message.MessageId))
        {
            return;
        }
        Box.Channel = channel;
        Box.ContactId = contactId;
        // A mail carries its files with it; messengers take one file per message.
        IReadOnlyList<OutboundMessage> parts = channel == ChannelNames.Email ? [message] : OutboundParts.Split(message);
        foreach (var part in parts)
        {
            Box.Pending.Add(new PendingSend { Message = part, NotBefore = clock.GetUtcNow(), PartOf = parts.Count > 1 ? message.MessageId : null });
        }
        // Stored by the schedule's write, with the first attempt when it goes at once: a message is stored before its
        // send as ever, in one write beside the reminder's instead of three in a row.
        await Schedule(changed: true);
    }

    public async Task SendFinished(string messageId, SendOutcome outcome)
    {
        if (_inFlight != messageId || Box.Pending.FirstOrDefault() is not { } head || head.Message.MessageId != messageId)
        {
            return;
        }
        _inFlight = null;
        switch (outcome.Result)
        {
            case SendResult.Sent:
                await Finish(new DeliveryReport(messageId, DeliveryStatus.Sent, null, outcome.PlatformMessageId));
                break;
            case SendResult.Failed:
                await Finish(new DeliveryReport(messageId, DeliveryStatus.Failed, outcome.Error));
                break;
            case SendResult.Retry when head.Attempts >= OutboxBackoff.MaxAttempts:
                logger.LogWarning("Gave up sending message {Message} of {Site}/{Conversation} through {Channel} after {Attempts} attempts: {Error}",
                    messageId, _site, _conversationId, Box.Channel, head.Attempts, outcome.Error);
                await Finish(new DeliveryReport(messageId, DeliveryStatus.Failed, $"{Box.Channel} could not be reached ({outcome.Error})"));
                break;
            default:
                head.NotBefore = clock.GetUtcNow() + OutboxBackoff.After(head.Attempts, outcome.RetryAfter);
                await WritePending();
                break;
        }
        await Schedule();
    }

    public Task<bool> PlatformReported(string platformMessageId, string status, string? error)
    {
        if (Done.FirstOrDefault(d => d.PlatformMessageId == platformMessageId) is not { } sent)
        {
            return Task.FromResult(false);
        }
        // The conversation keeps only what moves the message forward: a repeated or late report changes nothing.
        Report(new DeliveryReport(sent.MessageId, status, error));
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<OutboundMessage>> GetPending() =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>(Box.Pending.Select(p => p.Message).ToList());

    /// <summary>The reminder's tick: what is due goes; with nothing pending, the pending list is stored as it is and the reminder goes.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Box.Pending.Count == 0)
        {
            if (_pendingStale)
            {
                await WritePending();
            }
            await _reminder.KeepAsync(false);
            return;
        }
        await Schedule();
    }

    /// <summary>
    /// Only the outcome is written: the head leaves the stored pending list with its next write, and an activation that
    /// finds it there with its outcome stored drops it (<see cref="DropFinishedHeads"/>).
    /// </summary>
    private async Task Finish(DeliveryReport report)
    {
        var part = Box.Pending[0];
        Box.Pending.RemoveAt(0);
        _pendingStale = true;
        Done.Add(report);
        Trim();
        await outcomes.WriteStateAsync();
        Tell(part, report);
    }

    private void Trim()
    {
        if (Done.Count > KeptOutcomes)
        {
            Done.RemoveRange(0, Done.Count - KeptOutcomes);
        }
    }

    private void Tell(PendingSend part, DeliveryReport report)
    {
        if (!part.IsEarlierPart)
        {
            Report(report);
        }
        else if (report.Status == DeliveryStatus.Failed)
        {
            // A part that failed fails the message for the operator (a later "sent" does not hide it); the rest still go.
            Report(report with { MessageId = part.PartOf!, Error = $"A file or the text did not go: {report.Error}" });
        }
    }

    private async Task WritePending()
    {
        await state.WriteStateAsync();
        _pendingStale = false;
    }

    /// <summary>One-way: the conversation may itself be waiting on this outbox (an enqueue), so the outbox never waits on it.</summary>
    private void Report(DeliveryReport report) =>
        GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, _conversationId))
            .ReportDelivery(report.MessageId, report.Status, report.Error).Ignore();

    private Task Schedule() => Schedule(changed: false);

    /// <summary>
    /// Starts the head's send when it is due, else arms a timer for when it will be; registers the reminder when
    /// anything waits (its tick removes it, <see cref="ReceiveReminder"/>). The state is written when
    /// <paramref name="changed"/> or when a send starts (its attempt is counted before it: a crash during it still moves
    /// the message towards giving up, never round forever), together with the reminder's registration: the two writes
    /// share a commit, so a send waits for one disk sync.
    /// </summary>
    private async Task Schedule(bool changed)
    {
        var head = Box.Pending.FirstOrDefault();
        var now = clock.GetUtcNow();
        var busy = _inFlight is not null && now - _inFlightSince < SendTimeout;
        var due = head is not null && !busy && head.NotBefore <= now;
        if (due)
        {
            head!.Attempts++;
        }
        await Task.WhenAll(changed || due ? WritePending() : Task.CompletedTask, Box.Pending.Count > 0 ? _reminder.KeepAsync(true) : Task.CompletedTask);
        if (head is null || busy)
        {
            return;
        }
        if (due)
        {
            StartSend(head.Message);
            return;
        }
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(Schedule, new GrainTimerCreationOptions(head.NotBefore - now, Timeout.InfiniteTimeSpan));
    }

    private void StartSend(OutboundMessage message)
    {
        _inFlight = message.MessageId;
        _inFlightSince = clock.GetUtcNow();
        var sender = senders.FirstOrDefault(s => s.Channel == Box.Channel);
        var self = this.AsReference<IChannelOutboxGrain>();
        var site = GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(_site));
        var (siteId, contactId, channel) = (_site, Box.ContactId, Box.Channel);
        // Off the grain's scheduler: the grain takes other calls while the platform answers, and hears back by a call.
        _ = Task.Run(async () =>
        {
            SendOutcome outcome;
            try
            {
                var (send, refusal) = WhatsAppWindow.Applies(channel) ? await WithinWindow(site, message) : (message, null);
                outcome = sender is null
                    ? SendOutcome.Rejected($"The channel '{channel}' has no sender on this silo.")
                    : send is null
                        ? SendOutcome.Rejected(refusal!)
                        : await sender.SendAsync(siteId, contactId, send, CancellationToken.None);
            }
            catch (Exception error)
            {
                outcome = SendOutcome.Transient(error.GetType().Name);
            }
            await self.SendFinished(message.MessageId, outcome);
        });
    }

    /// <summary>
    /// WhatsApp, checked when the message goes out rather than when it was written: free text only while the customer's
    /// window is open; after it, an automatic message goes as the site's template for it, anything else is refused.
    /// </summary>
    private async Task<(OutboundMessage? Send, string? Refusal)> WithinWindow(ISiteGrain site, OutboundMessage message)
    {
        if (WhatsAppWindow.Allows(message, clock.GetUtcNow()))
        {
            return (message, null);
        }
        var templates = (await site.GetChannels()).FirstOrDefault(c => c.Channel == ChannelNames.WhatsApp)?.Templates;
        return WhatsAppWindow.Prepare(message, templates, clock.GetUtcNow());
    }
}
