using Switchboard.Tests.Cluster;

namespace Switchboard.Tests.Attachments;

/// <summary>
/// s3rver, a small S3-compatible server from npm, on a loopback port over a temporary directory: the S3 blob store is
/// tested against a real server speaking the S3 API. <c>.ci/test</c> installs it into <c>.ci/tools</c>.
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    public const string Credential = "S3RVER";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ChildProcess _process;
    private readonly Infrastructure.TempDirectory _data;

    private S3rverServer(int port, ChildProcess process, Infrastructure.TempDirectory data)
    {
        Port = port;
        _process = process;
        _data = data;
    }

    public int Port { get; }
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    public static async Task<S3rverServer> StartAsync()
    {
        var script = Path.Combine(ClusterNodes.RepoRoot, ".ci", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                "s3rver is not installed. `bash .ci/test` installs it; otherwise: npm install --prefix .ci/tools --no-save s3rver@3.7.1");
        }
        var port = FreePorts.Next();
        var data = new Infrastructure.TempDirectory();
        var process = ChildProcess.Start("s3rver", "node", [script, "-d", data.Path, "-a", "127.0.0.1", "-p", port.ToString()]);
        var server = new S3rverServer(port, process, data);
        try
        {
            await process.WaitForLineAsync("S3rver listening", StartTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _data.Dispose();
    }
}
