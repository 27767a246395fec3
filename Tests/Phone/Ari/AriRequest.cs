namespace Switchboard.Tests.Phone.Ari;

/// <summary>One REST request the fake ARI received: <c>POST /ari/channels/1.1/answer</c> and its query.</summary>
public sealed record AriRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query)
{
    public string? this[string name] => Query.TryGetValue(name, out var value) ? value : null;

    public bool Is(string method, string path) => Method == method && Path == path;

    public override string ToString() => $"{Method} {Path}?{string.Join('&', Query.Select(q => $"{q.Key}={q.Value}"))}";
}
