namespace Switchboard.Contracts.DailySummary;

/// <summary>A site's daily summary e-mail to its supervisors (key <c>{site}/ds:site</c>): sent once a day, at the set hour.</summary>
[Alias("Switchboard.IDailySummaryGrain")]
public interface IDailySummaryGrain : IGrainWithStringKey
{
    [Alias("GetSettings")]
    Task<DailySummarySettings> GetSettings();

    /// <summary>The caller has checked the recipients' addresses.</summary>
    [Alias("Configure")]
    Task Configure(DailySummarySettings settings);

    /// <summary>Sends today's summary when its hour has come and it has not gone yet; a reminder calls it. True when sent.</summary>
    [Alias("RunDue")]
    Task<bool> RunDue();
}
