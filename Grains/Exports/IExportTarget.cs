using Switchboard.Contracts.Exports;

namespace Switchboard.Grains.Exports;

/// <summary>
/// Where an export window goes (a directory, a retailer's URL). Writing the same window again replaces it (a file of the
/// same name, a post with the same window name), so a window retried after a crash is never there twice. Throws on failure.
/// </summary>
public interface IExportTarget
{
    Task WriteAsync(string site, ExportSettings settings, ExportWindow window, byte[] ndjson, CancellationToken cancellationToken);
}
