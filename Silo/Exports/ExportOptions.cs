using Microsoft.Extensions.Configuration;
using Switchboard.Silo.Storage;

namespace Switchboard.Silo.Exports;

/// <summary>Section <c>Exports</c>: where directory exports are written (a folder per site), chosen by whoever runs the silos, never by a site.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Unset: <c>exports</c> under the storage data directory.</summary>
    public string? Directory { get; set; }

    public static string DirectoryFrom(IConfiguration configuration) =>
        Path.GetFullPath(configuration.GetSection(Section).Get<ExportOptions>()?.Directory
            ?? Path.Combine((configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).DataDirectory, "exports"));
}
