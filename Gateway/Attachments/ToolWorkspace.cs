namespace Switchboard.Gateway.Attachments;

/// <summary>
/// A directory of its own in the spool directory for one run of a media program: whatever the program writes there
/// (one output, or several, or half of one) is removed with it; the output the upload keeps is taken out first.
/// </summary>
public sealed class ToolWorkspace : IDisposable
{
    private ToolWorkspace(string path) => Path = path;

    public string Path { get; }

    public static ToolWorkspace Create(string spoolDirectory) =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(spoolDirectory, SpooledFile.NamePrefix + "tool-" + Guid.NewGuid().ToString("N"))).FullName);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
