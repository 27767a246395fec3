namespace Switchboard.LoadTests.Wire;

public static class TaskExtensions
{
    /// <summary>Fire and forget: the task reports its own outcome.</summary>
    public static void Ignore(this Task task) => task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
}
