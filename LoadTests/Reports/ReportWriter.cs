namespace Switchboard.LoadTests.Reports;

/// <summary>Writes a report into its own folder: report.md, report.csv, processes.csv and report.html.</summary>
public static class ReportWriter
{
    public static async Task<string> WriteAsync(Report report, string directory)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), MarkdownReport.Render(report));
        await File.WriteAllTextAsync(Path.Combine(directory, "report.csv"), CsvReport.Steps(report));
        await File.WriteAllTextAsync(Path.Combine(directory, "processes.csv"), CsvReport.Processes(report));
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), HtmlReport.Render(report));
        return directory;
    }
}
