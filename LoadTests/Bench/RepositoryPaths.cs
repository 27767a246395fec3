namespace Switchboard.LoadTests.Bench;

/// <summary>Where the benchmark finds the product and puts its reports, relative to the repository root.</summary>
public sealed record RepositoryPaths(string Root)
{
    public string GatewayProject => Path.Combine(Root, "Gateway", "Gateway.csproj");

    public string GatewayDll => Path.Combine(Root, "Gateway", "bin", "Release", "net10.0", "Gateway.dll");

    public string Reports => Path.Combine(Root, "LoadTests", "reports");

    /// <summary>The repository holding the current directory (or this program): the folder with Orleans.sln.</summary>
    public static RepositoryPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
                {
                    return new RepositoryPaths(dir.FullName);
                }
            }
        }
        throw new InvalidOperationException("Run the benchmark from inside the Switchboard repository (no Orleans.sln found).");
    }
}
