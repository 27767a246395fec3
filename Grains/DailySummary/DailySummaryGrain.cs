using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.DailySummary;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.DailySummary;

/// <summary>
/// Sends a site's daily summary once a day, at the set hour or at the first chance after it (a silo was down). The day
/// is marked sent only after the mail server took it, so a failure is tried again on the next tick.
/// </summary>
public sealed class DailySummaryGrain(
    [PersistentState(StorageNames.DailySummaryState, StorageNames.Provider)] IPersistentState<DailySummaryState> state,
    IDailyFiguresSource figures,
    ISummaryMailer mailer,
    TimeProvider clock,
    ILogger<DailySummaryGrain> logger)
    : Grain, IDailySummaryGrain, IRemindable
{
    public const string Reminder = "dailySummary";
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(10);

    public Task<DailySummarySettings> GetSettings() => Task.FromResult(state.State.Settings);

    public async Task Configure(DailySummarySettings settings)
    {
        state.State.Settings = settings;
        await state.WriteStateAsync();
        if (settings.Enabled)
        {
            await this.RegisterOrUpdateReminder(Reminder, Tick, Tick);
        }
        else if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<bool> RunDue()
    {
        var settings = state.State.Settings;
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (!settings.Enabled || settings.Recipients.Count == 0 || now.Hour < settings.HourUtc || state.State.LastSentDay >= day)
        {
            return false;
        }
        var site = GrainKeys.Parse(this.GetPrimaryKeyString()).Site;
        var name = (await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig())?.Name ?? site;
        var queues = await figures.ForDay(site, day);
        try
        {
            await mailer.SendAsync(settings.Recipients, SummaryMail.Subject(name, day), SummaryMail.Text(name, day, queues), CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The daily summary of {Site} for {Day} could not be sent; it is tried again", site, day);
            return false;
        }
        state.State.LastSentDay = day;
        await state.WriteStateAsync();
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunDue();
}
