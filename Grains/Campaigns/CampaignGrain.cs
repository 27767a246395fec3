using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Switchboard.Contracts.Campaigns;
using Switchboard.Domain.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>
/// One robot call campaign. While running, a grain timer paces its calls (every <see cref="CampaignOptions.PaceSeconds"/>)
/// and a reminder (Orleans' shortest period, a minute) brings it back on another silo if its own dies. Each call is
/// claimed in the store before it is dialled, so a campaign that comes back never dials the same step twice; a call whose
/// end never comes back is counted lost after <see cref="CampaignOptions.LostCallMinutes"/> and retried.
/// </summary>
public sealed class CampaignGrain(
    [PersistentState(StorageNames.CampaignState, StorageNames.Provider)] IPersistentState<CampaignState> state,
    ICampaignStore store,
    ICampaignDialer dialer,
    TimeProvider clock,
    IOptions<CampaignOptions> options,
    ILogger<CampaignGrain> logger)
    : Grain, ICampaignGrain, IRemindable
{
    public const string Reminder = "campaign-pace";
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    /// <summary>A year: how long a refused quote is offered again.</summary>
    public static readonly TimeSpan ReofferWindow = TimeSpan.FromDays(365);

    private string _site = "";
    private string _id = "";
    private IGrainTimer? _pace;

    private CampaignState Campaign => state.State;
    private CampaignDefinition Definition => Campaign.Definition ?? throw SwitchboardException.NotFound($"No campaign '{_id}'.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _id) = GrainKeys.Parse(this.GetPrimaryKeyString());
        if (Campaign.Status == CampaignStatuses.Running)
        {
            // Back after a silo died (the reminder woke it), or simply reactivated: pick up the pace again.
            StartPacing();
        }
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<CampaignProgress> Create(CampaignDefinition definition)
    {
        if (Campaign.Definition is { } existing && !(existing == definition || SameDefinition(existing, definition)))
        {
            throw CampaignErrors.InConflict($"Campaign '{_id}' exists with another definition.");
        }
        if (Campaign.Definition is null)
        {
            Campaign.Definition = definition;
            Campaign.CreatedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
        }
        // Listed on a retried create too: the first may have been stored and lost before it was listed.
        await GrainFactory.GetGrain<ICampaignListGrain>(GrainKeys.CampaignList(_site)).Add(_id);
        return await GetProgress();
    }

    public Task<CampaignDefinition?> GetDefinition() => Task.FromResult(Campaign.Definition);

    public async Task<ContactsAdded> AddContacts(IReadOnlyList<CampaignContact> contacts)
    {
        if (Campaign.Status is CampaignStatuses.Stopped)
        {
            throw CampaignErrors.InConflict("The campaign is stopped: it takes no more contacts.");
        }
        var afterDays = Definition.AfterDays ?? CampaignKinds.DefaultAfterDays(Definition.Kind);
        var added = await store.AddAsync(_site, _id, contacts, clock.GetUtcNow().AddDays(afterDays));
        if (added.Added > 0 && Campaign.Status == CampaignStatuses.Done)
        {
            // New contacts for a campaign that had run out: it runs again.
            await SetStatus(CampaignStatuses.Running);
        }
        return added;
    }

    public Task<CampaignProgress> Start() => Campaign.Status == CampaignStatuses.Draft
        ? Change(CampaignStatuses.Running)
        : Refuse("start", CampaignStatuses.Draft);

    public Task<CampaignProgress> Pause() => Campaign.Status == CampaignStatuses.Running
        ? Change(CampaignStatuses.Paused)
        : Refuse("pause", CampaignStatuses.Running);

    public Task<CampaignProgress> Resume() => Campaign.Status == CampaignStatuses.Paused
        ? Change(CampaignStatuses.Running)
        : Refuse("resume", CampaignStatuses.Paused);

    public Task<CampaignProgress> Stop() => Campaign.Status is CampaignStatuses.Stopped or CampaignStatuses.Done
        ? GetProgress()
        : Change(CampaignStatuses.Stopped);

    public async Task<CampaignProgress> GetProgress() =>
        new(_id, Definition.Name, Definition.Kind, Campaign.Status, await store.CountsAsync(_site, _id));

    public async Task<IReadOnlyList<CampaignResult>> GetResults(long afterContactId, int contacts)
    {
        _ = Definition;
        return await store.ResultsAsync(_site, _id, afterContactId, contacts);
    }

    public async Task Tick()
    {
        if (Campaign.Status != CampaignStatuses.Running)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var lost in await store.LostAsync(_site, _id, now - TimeSpan.FromMinutes(options.Value.LostCallMinutes)))
        {
            logger.LogWarning("Campaign {Campaign} of site {Site}: call {Call} never came back; counted lost", _id, _site, lost.CallId);
            await Book(lost, lost.CallId!, CallResults.Lost, now);
        }
        var calling = await store.CallingAsync(_site, _id);
        var free = Definition.Concurrency - calling;
        var dialled = free > 0 ? await Dial(now, free) : 0;
        // Counting reads the whole list: only when nothing is in progress is it worth asking whether anything is left.
        if (calling == 0 && dialled == 0 && (await store.CountsAsync(_site, _id)).Remaining == 0)
        {
            await SetStatus(CampaignStatuses.Done);
        }
    }

    public async Task CallEnded(string callId, string result)
    {
        if (CampaignCallIds.Parse(callId) is not var (_, contactId)
            || await store.ContactAsync(_site, _id, contactId) is not { State: ContactStates.Calling } contact || contact.CallId != callId)
        {
            // Booked already: a redelivered end, or a call counted lost before its end came back.
            return;
        }
        await Book(contact, callId, result, clock.GetUtcNow());
        // The line it held is free: the next due contact need not wait for the pace.
        await Tick();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Campaign.Status != CampaignStatuses.Running)
        {
            if (await this.GetReminder(reminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        StartPacing();
        await Tick();
    }

    /// <summary>Claims up to <paramref name="free"/> due contacts, one booked attempt each, and dials them.</summary>
    private async Task<int> Dial(DateTimeOffset now, int free)
    {
        var due = await store.DueAsync(_site, _id, now, free + 32);
        if (due.Count == 0)
        {
            return 0;
        }
        var doNotCall = await store.DoNotCallAmongAsync(_site, due.Select(c => c.Phone).ToList());
        var claimed = new List<(StoredContact Contact, string CallId)>();
        foreach (var contact in due)
        {
            if (claimed.Count == free)
            {
                break;
            }
            if (doNotCall.Contains(contact.Phone))
            {
                await store.SkipAsync(_site, _id, contact.Id, CallResults.DoNotCall);
                continue;
            }
            var zone = CallingWindow.Zone(contact.TimeZone ?? Definition.CallingHours.TimeZone) ?? TimeZoneInfo.Utc;
            if (!Definition.CallingHours.IsOpen(now, zone))
            {
                await store.DeferAsync(_site, _id, contact.Id, Definition.CallingHours.NextOpen(now, zone));
                continue;
            }
            var step = contact.State == ContactStates.Refused ? contact.Step + 1 : contact.Step;
            var callId = CampaignCallIds.For(_id, contact.Id, step, contact.Attempt + 1);
            if (await store.ClaimAsync(_site, _id, contact, callId, now))
            {
                claimed.Add((contact, callId));
            }
        }
        var failures = await Task.WhenAll(claimed.Select(c => dialer.OriginateAsync(_site, c.CallId, c.Contact.Phone, _id, CancellationToken.None)));
        foreach (var ((contact, callId), failure) in claimed.Zip(failures))
        {
            if (failure is not null && await store.ContactAsync(_site, _id, contact.Id) is { } claimedContact)
            {
                logger.LogWarning("Campaign {Campaign} of site {Site}: call {Call} not started: {Problem}", _id, _site, callId, failure);
                await Book(claimedContact, callId, CallResults.NotStarted, now);
            }
        }
        return claimed.Count;
    }

    private async Task Book(StoredContact contact, string callId, string result, DateTimeOffset now)
    {
        var outcome = Next(contact, result, now);
        await store.CompleteAsync(_site, _id, callId, result, now, outcome);
    }

    /// <summary>Where a contact goes after its call ended with <paramref name="result"/>.</summary>
    private ContactOutcome Next(StoredContact contact, string result, DateTimeOffset now)
    {
        var definition = Definition;
        var answered = result is CallResults.Yes or CallResults.No or CallResults.NoChoice;
        switch (result)
        {
            case CallResults.Yes:
                return new(ContactStates.Yes, null, contact.Step, contact.Attempt, true);
            case CallResults.No when definition.Kind == CampaignKinds.QuoteReminder:
                var reoffer = now.AddDays(definition.ReofferDays ?? options.Value.ReofferDays);
                // Re-offered within a year of the first call; the step moves on at the claim, so the next call is a new step.
                return new(ContactStates.Refused, reoffer <= contact.AddedAt + ReofferWindow ? reoffer : null, contact.Step, 0, true);
            case CallResults.No:
                return new(ContactStates.No, null, contact.Step, contact.Attempt, true);
            case CallResults.NoChoice:
                return new(ContactStates.Answered, null, contact.Step, contact.Attempt, answered);
        }
        var retry = CallResults.IsRetried(result) ? RetrySchedule.Next(contact.Attempt, definition.MaxAttempts, definition.RetryMinutes) : null;
        return retry is { } delay
            ? new(ContactStates.Queued, now + delay, contact.Step, contact.Attempt, false)
            : new(ContactStates.Failed, null, contact.Step, contact.Attempt, false);
    }

    private async Task<CampaignProgress> Change(string status)
    {
        await SetStatus(status);
        if (status == CampaignStatuses.Running)
        {
            await Tick();
        }
        return await GetProgress();
    }

    private async Task SetStatus(string status)
    {
        _ = Definition;
        Campaign.Status = status;
        await state.WriteStateAsync();
        if (status == CampaignStatuses.Running)
        {
            await this.RegisterOrUpdateReminder(Reminder, ReminderPeriod, ReminderPeriod);
            StartPacing();
            return;
        }
        _pace?.Dispose();
        _pace = null;
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartPacing()
    {
        var period = TimeSpan.FromSeconds(options.Value.PaceSeconds);
        _pace ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    private Task<CampaignProgress> Refuse(string what, string needed) =>
        throw CampaignErrors.InConflict($"Only a {needed} campaign can {what}; this one is {Campaign.Status}.");

    /// <summary>Records compare their dictionaries by reference; a retried create sends an equal copy.</summary>
    private static bool SameDefinition(CampaignDefinition a, CampaignDefinition b) =>
        a with { Prompts = null } == b with { Prompts = null }
        && (a.Prompts ?? new Dictionary<string, string>()).OrderBy(p => p.Key).SequenceEqual((b.Prompts ?? new Dictionary<string, string>()).OrderBy(p => p.Key));
}
