using System.Text;

namespace Switchboard.Tests.LoadTests;

/// <summary>Standard output a test reads: every line written, and a wait for a line that matches, with a timeout that says what was expected.</summary>
public sealed class RecordingOutput : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, int From, TaskCompletionSource<string> Seen)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                Complete(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    /// <summary>The first line from the <paramref name="from"/>-th on that <paramref name="match"/> accepts.</summary>
    public async Task<string> SeenAsync(Func<string, bool> match, string expected, TimeSpan within, int from = 0)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.Skip(from).FirstOrDefault(match) is { } line)
            {
                return line;
            }
            _waiters.Add((match, from, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Expected {expected} within {within}; the output was:\n{string.Join('\n', Lines)}");
        }
    }

    private void Complete(string line)
    {
        _lines.Add(line);
        foreach (var waiter in _waiters.Where(w => _lines.Count > w.From && w.Match(line)).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Seen.TrySetResult(line);
        }
    }
}
