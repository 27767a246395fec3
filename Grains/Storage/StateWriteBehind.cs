namespace Switchboard.Grains.Storage;

/// <summary>
/// A grain's state written behind: a change that a crash may lose without harm asks for a write within
/// <see cref="Delay"/> (<see cref="Soon"/>) instead of waiting for a disk sync; a change that must be durable first
/// writes at once (<see cref="NowAsync"/>), and takes whatever was waiting with it. The grain flushes what is pending when
/// it deactivates (<see cref="FlushAsync"/>).
/// </summary>
public sealed class StateWriteBehind(IGrainBase grain, Func<Task> write)
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private IGrainTimer? _pending;

    public bool Pending => _pending is not null;

    public void Soon() => _pending ??= grain.RegisterGrainTimer(NowAsync, new GrainTimerCreationOptions(Delay, Timeout.InfiniteTimeSpan));

    public Task NowAsync()
    {
        Cancel();
        return write();
    }

    public Task FlushAsync() => Pending ? NowAsync() : Task.CompletedTask;

    /// <summary>Nothing left to write behind (the state was cleared, or written some other way).</summary>
    public void Cancel()
    {
        _pending?.Dispose();
        _pending = null;
    }
}
