using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// Signs operators in with <c>POST /api/auth/login</c>. The gateway allows 20 logins a minute per client
/// address; against a loopback gateway the logins are spread over source addresses 127.0.0.2, .3, … the way
/// operators at many desks would come from many addresses, so a benchmark's team can sign in at once.
/// </summary>
public sealed class LoginClient(Target target) : IDisposable
{
    private const int LoginsPerAddress = 15;

    private readonly List<HttpClient> _clients = [];
    private int _logins;

    public async Task<string> LoginAsync(string site, string login, string password, CancellationToken cancellationToken)
    {
        var response = await Client().PostAsJsonAsync("api/auth/login", new { site, login, password }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"login {login}: {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("token").GetString()!;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private HttpClient Client()
    {
        var index = Interlocked.Increment(ref _logins) - 1;
        var slot = IsLoopbackV4 ? index / LoginsPerAddress : 0;
        lock (_clients)
        {
            while (_clients.Count <= slot)
            {
                _clients.Add(NewClient(_clients.Count));
            }
            return _clients[slot];
        }
    }

    private bool IsLoopbackV4 => IPAddress.TryParse(target.Http.Host, out var address) && address.Equals(IPAddress.Loopback);

    private HttpClient NewClient(int slot)
    {
        var handler = new SocketsHttpHandler();
        if (IsLoopbackV4)
        {
            var source = new IPAddress([127, 0, 0, (byte)(2 + slot)]);
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new HttpClient(handler) { BaseAddress = target.Http, Timeout = TimeSpan.FromSeconds(30) };
    }
}
