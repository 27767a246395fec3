using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>Sockets to the echo baseline (or its relay path), opened before a run as the chat pool is.</summary>
public sealed class EchoPool(Target target, int size, string path = EchoRoundTrips.Path)
{
    private const int OpenAtOnce = 16;

    private readonly List<WireSocket> _sockets = [];

    public IReadOnlyList<WireSocket> Sockets => _sockets;

    public async Task OpenAsync(ScenarioContext init)
    {
        var opened = new WireSocket?[size];
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce }, async (i, cancel) =>
        {
            opened[i] = await init.StepAsync("connect", () => WireSocket.ConnectAsync(target.WebSocket(path), cancel));
        });
        _sockets.AddRange(opened.OfType<WireSocket>());
    }

    public async Task CloseAsync()
    {
        foreach (var socket in _sockets)
        {
            await socket.DisposeAsync();
        }
        _sockets.Clear();
    }
}
