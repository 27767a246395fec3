namespace Switchboard.LoadTests.Scale;

/// <summary>The scale-out benchmark's shape: how many nodes per step, and the load each step gets.</summary>
public sealed record ScaleSettings(
    IReadOnlyList<int> Nodes,
    int Operators,
    int OperatorCapacity,
    int MessageCopies,
    int StartCopies,
    int Queues,
    TimeSpan WarmUp,
    TimeSpan During)
{
    /// <summary>
    /// 1+1, 2+2 and 3+3; 64 chats in a closed message loop (as the standard benchmark's throughput part) and 32 visitors
    /// starting chats back to back, into one queue and then spread over four.
    /// </summary>
    public static readonly ScaleSettings Standard = new([1, 2, 3], 40, 8, 64, 32, 4, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));

    public static readonly ScaleSettings Quick = new([1, 2], 8, 8, 16, 8, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
}
