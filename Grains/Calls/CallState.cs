using Switchboard.Contracts.Calls;

namespace Switchboard.Grains.Calls;

/// <summary>A call's stored state: the conversation behind it, its stage, and the answers given to its latest events.</summary>
[GenerateSerializer, Alias("Switchboard.CallState")]
public sealed class CallState
{
    [Id(0)] public CallStage Stage { get; set; }
    [Id(1)] public string ConversationId { get; set; } = "";
    [Id(2)] public string Queue { get; set; } = "";
    [Id(3)] public string Caller { get; set; } = "";
    [Id(4)] public string Language { get; set; } = PhoneTexts.DefaultLanguage;
    /// <summary>How many times in a row the menu went unanswered or was answered with a key it does not offer.</summary>
    [Id(5)] public int MenuMisses { get; set; }
    /// <summary>The answers to the latest events by event id, oldest first, so a redelivered event is answered the same.</summary>
    [Id(6)] public List<KeyValuePair<string, CallAnswer>> Answered { get; set; } = [];
    [Id(7)] public DateTimeOffset OfferedAt { get; set; }
    /// <summary>The site's PBX takes pushed commands: the call rings in the console before it is put through.</summary>
    [Id(8)] public bool PbxTakesCommands { get; set; }
    /// <summary>The operator the caller was put through to.</summary>
    [Id(9)] public string? OperatorId { get; set; }
    [Id(10)] public string? OperatorName { get; set; }
    /// <summary>The conversation holds this call's <c>answered</c>: a later <c>call.answered</c> from the PBX is not told twice.</summary>
    [Id(11)] public bool AnswerRecorded { get; set; }
    /// <summary>Times an operator transferred the call to a queue: each of its next accepts is a new answer on the conversation.</summary>
    [Id(12)] public int Requeued { get; set; }
    /// <summary>The adapter the call's events come through (<see cref="PhoneAdapters"/>): where its pushed commands go.</summary>
    [Id(13)] public string Adapter { get; set; } = PhoneAdapters.Generic;
    /// <summary>On an operator's call back, who pressed it: rung once the customer picks up, by an adapter that restarted meanwhile too.</summary>
    [Id(14)] public string? CallBackOperator { get; set; }
}
