using System.Globalization;
using System.Net;
using System.Text;

namespace Switchboard.LoadTests.Reports;

/// <summary>
/// A line chart as inline SVG: axes with round ticks, one coloured line per series, a legend. No script and no
/// CDN, so a report opens anywhere. <c>xTicks</c> replaces the x axis' numbers (e.g. percentiles on a log scale).
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Height = 300;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 44;

    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    public static string Line(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<(double X, string Label)>? xTicks = null)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            return "";
        }
        var (xMin, xMax) = (points.Min(p => p.X), points.Max(p => p.X));
        var yMax = NiceCeiling(points.Max(p => p.Y));
        if (xMax <= xMin)
        {
            xMax = xMin + 1;
        }
        double X(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Y(double y) => Height - Bottom - y / yMax * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height + 18 * ((series.Count + 2) / 3)}\" class=\"chart\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title><text x=\"{Left}\" y=\"18\" class=\"t\">{Escape(title)}</text>");
        for (var i = 0; i <= 4; i++)
        {
            var y = yMax * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(y):0.#}\" y2=\"{Y(y):0.#}\" class=\"g\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(y) + 4:0.#}\" text-anchor=\"end\">{Label(y)}</text>");
        }
        foreach (var (x, label) in xTicks ?? DefaultTicks(xMin, xMax))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(x):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(label)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" class=\"a\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" class=\"a\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{Escape(yLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" class=\"ax\"/><line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" class=\"ax\"/>");
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var path = string.Join(' ', series[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.8\"/>");
            var lx = Left + i % 3 * 220;
            var ly = Height + 4 + i / 3 * 18;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"4\" fill=\"{colour}\"/><text x=\"{lx + 16}\" y=\"{ly + 6}\">{Escape(Shorten(series[i].Name))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A round number at or above <paramref name="value"/>: 1, 2 or 5 times a power of ten.</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private static IEnumerable<(double, string)> DefaultTicks(double min, double max) =>
        Enumerable.Range(0, 6).Select(i => min + (max - min) * i / 5).Select(x => (x, Label(x)));

    private static string Label(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        >= 10 => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Shorten(string name) => name.Length > 34 ? name[..33] + "…" : name;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
