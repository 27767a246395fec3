using Switchboard.Contracts.DailySummary;

namespace Switchboard.Grains.DailySummary;

[GenerateSerializer, Alias("Switchboard.DailySummaryState")]
public sealed class DailySummaryState
{
    [Id(0)] public DailySummarySettings Settings { get; set; } = new();
    /// <summary>The last day whose summary went out: a day's summary is sent once.</summary>
    [Id(1)] public DateOnly? LastSentDay { get; set; }
}
