namespace Switchboard.Tests.Infrastructure;

/// <summary>A data directory of one test's own, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("switchboard-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after the host stops; the OS cleans temp.
        }
    }
}
