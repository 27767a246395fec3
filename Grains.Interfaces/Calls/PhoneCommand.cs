namespace Switchboard.Contracts.Calls;

/// <summary>One thing the PBX should do next for a call; only the fields of its <see cref="Type"/> are set.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PhoneCommand")]
public sealed record PhoneCommand([property: Id(0)] string Type)
{
    [Id(1)] public string? Text { get; init; }
    [Id(2)] public string? Language { get; init; }
    [Id(3)] public string? Url { get; init; }
    [Id(4)] public int? MaxDigits { get; init; }
    [Id(5)] public int? TimeoutSeconds { get; init; }
    [Id(6)] public PhoneOperator? Operator { get; init; }
    [Id(7)] public string? Queue { get; init; }
    /// <summary>A <c>say</c>'s text rendered by the product, for PBXs without text-to-speech.</summary>
    [Id(8)] public string? AudioUrl { get; init; }
    /// <summary>A <c>gather</c> that also listens for a spoken answer (<c>input.speech</c>).</summary>
    [Id(9)] public bool? Speech { get; init; }

    public static PhoneCommand Say(string text, string language) => new("say") { Text = text, Language = language };
    public static PhoneCommand Gather(int maxDigits, int timeoutSeconds) => new("gather") { MaxDigits = maxDigits, TimeoutSeconds = timeoutSeconds };
    public static PhoneCommand Connect(string id, string name) => new("connect") { Operator = new PhoneOperator(id, name) };
    public static PhoneCommand Enqueue(string queue) => new("enqueue") { Queue = queue };
    public static readonly PhoneCommand Answer = new("answer");
    public static readonly PhoneCommand Hangup = new("hangup");
}
