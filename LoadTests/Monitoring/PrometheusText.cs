using System.Globalization;

namespace Switchboard.LoadTests.Monitoring;

/// <summary>
/// Reads samples out of a Prometheus text scrape (the gateway's <c>/metrics</c>): each sample line is
/// <c>name{labels} value [timestamp]</c>, or <c>name value [timestamp]</c> without labels.
/// </summary>
public static class PrometheusText
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>The scrape at <paramref name="metrics"/>; null when nothing answers there (the echo server, metrics off, a slow server).</summary>
    public static async Task<string?> ScrapeAsync(Uri metrics)
    {
        try
        {
            using var response = await Http.GetAsync(metrics);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The value of the first sample of <paramref name="metric"/> (that exact name, not a longer one it begins) whose
    /// labels contain <paramref name="label"/>; null when there is none or its value is not a number.
    /// </summary>
    public static double? Sample(string scrape, string metric, string label = "")
    {
        foreach (var line in scrape.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length)
            {
                continue;
            }
            var next = line[metric.Length];
            var labelsEnd = next == '{' ? line.IndexOf('}', metric.Length) : metric.Length;
            if (next is not ('{' or ' ') || labelsEnd < 0 || !line.AsSpan(metric.Length, labelsEnd - metric.Length).Contains(label, StringComparison.Ordinal))
            {
                continue;
            }
            var fields = line[(labelsEnd + (next == '{' ? 1 : 0))..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        return null;
    }
}
