using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.Exports;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Exports;

/// <summary>
/// A site's scheduled export. Its stored position is the start of the next window; it moves only after a window was
/// written, one window at a time, so a restart or a silo death resumes at the first window not yet written: none is
/// skipped, and one written just before a crash is written again under the same name, replacing itself. A window is
/// exported only once it has ended and settled, so events still being committed when it ended are in it.
/// </summary>
public sealed class ExportGrain(
    [PersistentState(StorageNames.ExportState, StorageNames.Provider)] IPersistentState<ExportState> state,
    IEventLog log,
    IEventLogWindows windows,
    IExportTarget target,
    TimeProvider clock,
    ILogger<ExportGrain> logger)
    : Grain, IExportGrain, IRemindable
{
    public const string Reminder = "export";
    /// <summary>How long after a window ends before it is read: appends are durable within milliseconds, this is ample.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);
    /// <summary>Windows exported per run at most, so a long outage is caught up over several reminder ticks.</summary>
    public const int MaxWindowsPerRun = 48;

    private string _site = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _site = GrainKeys.Parse(this.GetPrimaryKeyString()).Site;
        return Task.CompletedTask;
    }

    public Task<ExportStatus> GetStatus() => Task.FromResult(Status());

    /// <remarks>A changed interval keeps the position: the window in progress runs to the new grid, so nothing between is skipped.</remarks>
    public async Task<ExportStatus> Configure(ExportSettings settings)
    {
        if (settings.Enabled && state.State.NextWindowFrom is null)
        {
            var interval = TimeSpan.FromMinutes(settings.IntervalMinutes);
            var now = clock.GetUtcNow();
            state.State.NextWindowFrom = new DateTimeOffset(now.UtcTicks - now.UtcTicks % interval.Ticks, TimeSpan.Zero);
        }
        state.State.Settings = settings;
        await state.WriteStateAsync();
        if (settings.Enabled)
        {
            await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        return Status();
    }

    public async Task<int> RunDue()
    {
        var exported = 0;
        while (state.State.Settings.Enabled && exported < MaxWindowsPerRun && NextDue() is { } window)
        {
            try
            {
                var (ndjson, written) = await new ExportFile(log, windows).Build(_site, window.From, window.To, CancellationToken.None);
                await target.WriteAsync(_site, state.State.Settings, written, ndjson, CancellationToken.None);
                state.State.LastWindow = written;
                state.State.LastError = null;
                state.State.NextWindowFrom = window.To;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Export of {Site} for the window from {From} failed; it is tried again on the next run", _site, window.From);
                state.State.LastError = $"{window.From:O}: {error.Message}";
                await state.WriteStateAsync();
                return exported;
            }
            await state.WriteStateAsync();
            exported++;
        }
        return exported;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunDue();

    /// <summary>The next window when it has ended and settled. It ends on the interval's grid, so a changed interval realigns.</summary>
    private ExportWindow? NextDue()
    {
        if (state.State.NextWindowFrom is not { } from)
        {
            return null;
        }
        var interval = TimeSpan.FromMinutes(state.State.Settings.IntervalMinutes).Ticks;
        var to = new DateTimeOffset(from.UtcTicks - from.UtcTicks % interval + interval, TimeSpan.Zero);
        return to + Settle <= clock.GetUtcNow() ? new ExportWindow(from, to) : null;
    }

    private ExportStatus Status() => new(state.State.Settings, state.State.NextWindowFrom, state.State.LastWindow, state.State.LastError);
}
