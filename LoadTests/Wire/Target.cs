namespace Switchboard.LoadTests.Wire;

/// <summary>The gateway (or echo server) under load: its HTTP base address and the matching WebSocket addresses.</summary>
public sealed record Target(Uri Http)
{
    public static Target Parse(string url) => new(new Uri(url.TrimEnd('/') + "/"));

    public Uri WebSocket(string pathAndQuery) =>
        new($"{(Http.Scheme == "https" ? "wss" : "ws")}://{Http.Authority}{pathAndQuery}");

    public override string ToString() => Http.ToString().TrimEnd('/');
}
