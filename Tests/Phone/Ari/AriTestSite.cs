namespace Switchboard.Tests.Phone.Ari;

/// <summary>A test's site connected to its fake ARI; disposing it disconnects the site.</summary>
public sealed class AriTestSite(string name, Action disconnect) : IAsyncDisposable
{
    public string Name => name;

    public static implicit operator string(AriTestSite site) => site.Name;

    public override string ToString() => name;

    public ValueTask DisposeAsync()
    {
        disconnect();
        return ValueTask.CompletedTask;
    }
}
