namespace Switchboard.Tests.Infrastructure;

/// <summary>How long a test waits for a signal before it fails and says what it expected.</summary>
public static class Waits
{
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Browser = TimeSpan.FromSeconds(30);

    /// <summary>Short: used to show that something does <em>not</em> arrive, after a later frame proved the pipe is flowing.</summary>
    public static readonly TimeSpan Absence = TimeSpan.FromMilliseconds(300);
}
