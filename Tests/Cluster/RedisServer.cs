namespace Switchboard.Tests.Cluster;

/// <summary>A real Redis from Debian's package on a free loopback port, nothing saved to disk.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ChildProcess _process;

    private RedisServer(int port, ChildProcess process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("redis-server is not installed. `bash .ci/test` installs it as root; otherwise: sudo apt-get install redis-server");
        }
        var port = FreePorts.Next();
        var process = ChildProcess.Start("redis-server", binary,
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        var server = new RedisServer(port, process);
        try
        {
            await process.WaitForLineAsync("Ready to accept connections", StartTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
