namespace Switchboard.Tests.Cluster;

/// <summary>
/// A real Redis from Debian's package on a loopback port, by default nothing saved to disk. A test that restarts
/// Redis starts it again on the same port, and with <c>appendOnlyDirectory</c> it keeps its data there as production does.
/// </summary>
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

    public static async Task<RedisServer> StartAsync(int? port = null, string? appendOnlyDirectory = null)
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("redis-server is not installed. `bash .ci/test` installs it as root; otherwise: sudo apt-get install redis-server");
        }
        var listen = port ?? FreePorts.Next();
        string[] persistence = appendOnlyDirectory is null
            ? ["--appendonly", "no"]
            : ["--appendonly", "yes", "--appendfsync", "everysec", "--dir", appendOnlyDirectory];
        var process = ChildProcess.Start("redis-server", binary,
            ["--bind", "127.0.0.1", "--port", listen.ToString(), "--save", "", .. persistence, "--daemonize", "no"]);
        var server = new RedisServer(listen, process);
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
