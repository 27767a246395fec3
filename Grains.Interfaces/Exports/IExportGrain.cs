namespace Switchboard.Contracts.Exports;

/// <summary>
/// A site's scheduled export (key <c>{site}/ex:site</c>). Windows are exported in order, each once: the position moves
/// past a window only after the window was written, and a window that failed is tried again, never skipped.
/// </summary>
[Alias("Switchboard.IExportGrain")]
public interface IExportGrain : IGrainWithStringKey
{
    [Alias("GetStatus")]
    Task<ExportStatus> GetStatus();

    /// <summary>Sets the export up; the first window is the one that contains now. The caller has checked the settings.</summary>
    [Alias("Configure")]
    Task<ExportStatus> Configure(ExportSettings settings);

    /// <summary>Exports every window that has ended (and settled); a reminder calls it every minute. Returns how many.</summary>
    [Alias("RunDue")]
    Task<int> RunDue();
}
