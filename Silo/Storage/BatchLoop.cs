using System.Threading.Channels;

namespace Switchboard.Silo.Storage;

/// <summary>
/// A queue drained by one loop in batches: what arrives while a batch is being written goes into the next one, so
/// one transaction (and one flush) serves every caller that queued meanwhile. <paramref name="gather"/> above zero
/// makes the loop wait that long after the first item before it takes a batch, on the real clock: a batching window,
/// not a deadline of the product's, so a test's fake clock does not hold writes back. The batch's writer completes
/// its callers itself (each item carries what it needs to). Should it throw all the same (a defect, not a failed
/// write: those it reports to its callers itself), <paramref name="fail"/> tells each item of that batch the error and
/// the loop goes on with the next: one broken batch must not leave every later caller waiting for ever. The SQLite and
/// PostgreSQL writers' group commits and the operators' time store run on it.
/// </summary>
public sealed class BatchLoop<T> : IAsyncDisposable
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatch;
    private readonly TimeSpan _gather;
    private readonly Func<List<T>, Task> _write;
    private readonly Action<T, Exception> _fail;
    private readonly string _owner;
    private readonly Task _loop;

    public BatchLoop(string owner, int maxBatch, Func<List<T>, Task> write, Action<T, Exception> fail, TimeSpan gather = default)
    {
        _owner = owner;
        _maxBatch = maxBatch;
        _write = write;
        _fail = fail;
        _gather = gather;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="item"/> for the next batch; refused once the loop is disposed.</summary>
    public void Enqueue(T item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(_owner);
        }
    }

    /// <summary>Refuses new items, writes those already queued, and returns when the loop has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<T>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            if (_gather > TimeSpan.Zero)
            {
                await Task.Delay(_gather, TimeProvider.System);
            }
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await _write(batch);
            }
            catch (Exception error)
            {
                batch.ForEach(item => _fail(item, error));
            }
        }
    }
}
