namespace Switchboard.Tests.Infrastructure;

/// <summary>For what a grain learns one-way (figures, ratings): reads until it shows, failing with what was expected.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string expected)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Waits.Signal} for {expected}.");
            }
            await Task.Yield();
        }
    }
}
