namespace Switchboard.LoadTests.Wire;

/// <summary>How a scripted operator answers: greet each new chat, reply to every n-th visitor message, after a think time.</summary>
public sealed record OperatorScript(bool Greet, int ReplyEvery, TimeSpan ThinkTime)
{
    /// <summary>Greets, answers every message at once: the chatting scenarios.</summary>
    public static readonly OperatorScript Attentive = new(Greet: true, ReplyEvery: 1, ThinkTime: TimeSpan.Zero);
}
