using Switchboard.Silo.Storage.Sqlite;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>
/// A log sync the test lets through one at a time: each sync says it has begun, then waits for <see cref="LetOne"/>
/// (or <see cref="FailOne"/>), so a test sees what the writer does while a sync is in progress. <see cref="Open"/> lets
/// every sync through, as a real disk would.
/// </summary>
public sealed class HeldLogSync : IWriteAheadLogSync
{
    private readonly SemaphoreSlim _begun = new(0);
    private readonly SemaphoreSlim _go = new(0);
    private volatile bool _open;
    private Exception? _failure;

    public void Sync()
    {
        _begun.Release();
        if (!_open && !_go.Wait(Waits.Signal))
        {
            throw new TimeoutException("The test never let this sync through.");
        }
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Waits until a sync has begun and is held.</summary>
    public async Task BegunAsync()
    {
        if (!await _begun.WaitAsync(Waits.Signal))
        {
            throw new TimeoutException("The writer never began a sync of the log.");
        }
    }

    public void LetOne() => _go.Release();

    public void FailOne(Exception failure)
    {
        _failure = failure;
        _go.Release();
    }

    public void Open()
    {
        _open = true;
        _go.Release();
    }
}
