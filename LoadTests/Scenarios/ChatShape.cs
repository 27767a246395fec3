namespace Switchboard.LoadTests.Scenarios;

/// <summary>What one chatting visitor does after the operator has greeted them.</summary>
public sealed record ChatShape(int Messages, TimeSpan ThinkTime, bool AwaitReplies)
{
    /// <summary>Start, one exchange, rate, close: the assignment benchmark's short chat.</summary>
    public static readonly ChatShape Short = new(1, TimeSpan.Zero, AwaitReplies: true);
}
