namespace Switchboard.Gateway.Privacy;

/// <summary>
/// The <c>Retention</c> section: how long conversations are kept, per site. Past it (counted from a conversation's last
/// event) the sweep deletes the conversation's events, its key and its attachments. 0 keeps them for ever.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days for every site without its own figure; 0 (the default) keeps conversations.</summary>
    public int DefaultDays { get; set; }

    /// <summary>Days per site id, e.g. <c>Retention__Sites__demo=30</c>.</summary>
    public Dictionary<string, int> Sites { get; set; } = new(StringComparer.Ordinal);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Conversations one sweep removes per site at most; the next sweep goes on.</summary>
    public int MaxPerSweep { get; set; } = 1_000;

    public int DaysFor(string site) => Sites.TryGetValue(site, out var days) ? days : DefaultDays;
}
