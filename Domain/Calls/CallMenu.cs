using Switchboard.Contracts.Calls;

namespace Switchboard.Domain.Calls;

/// <summary>The overflow menu's commands: plain rules, no state.</summary>
public static class CallMenu
{
    public const int GatherSeconds = 5;
    /// <summary>After this many unanswered or wrong tries in a row the call is let go rather than looping forever.</summary>
    public const int MaxMisses = 3;

    public const string OrderStatusKey = "1";
    public const string CallbackKey = "2";
    public const string WaitKey = "0";

    public static IReadOnlyList<PhoneCommand> Offer(string language) =>
        [PhoneCommand.Answer, PhoneCommand.Say(PhoneTexts.Menu(language), language), PhoneCommand.Gather(1, GatherSeconds)];

    public static IReadOnlyList<PhoneCommand> Again(string language, string? before = null) => before is null
        ? [PhoneCommand.Say(PhoneTexts.MenuAgain(language), language), PhoneCommand.Gather(1, GatherSeconds)]
        : [PhoneCommand.Say(before, language), PhoneCommand.Say(PhoneTexts.MenuAgain(language), language), PhoneCommand.Gather(1, GatherSeconds)];

    /// <summary>An operator's console rings: the caller is answered and held in the queue until they accept.</summary>
    public static IReadOnlyList<PhoneCommand> Ringing(string language, string queue) =>
        [PhoneCommand.Answer, PhoneCommand.Say(PhoneTexts.Connecting(language), language), PhoneCommand.Enqueue(queue)];

    /// <summary>The operator transferred the call to a queue: the caller is held there until one of its operators accepts.</summary>
    public static IReadOnlyList<PhoneCommand> TransferredToQueue(string language, string queue) =>
        [PhoneCommand.Say(PhoneTexts.Connecting(language), language), PhoneCommand.Enqueue(queue)];

    /// <summary>The operator the caller was held for did not take the call and nobody else is free: the menu after all.</summary>
    public static IReadOnlyList<PhoneCommand> NobodyAnswered(string language) => Again(language, PhoneTexts.NobodyAnswered(language));

    public static IReadOnlyList<PhoneCommand> Goodbye(string language) => [PhoneCommand.Say(PhoneTexts.Goodbye(language), language), PhoneCommand.Hangup];

    /// <summary>DTMF keys as the PBX sent them are one of the menu's keys only when they are exactly one digit.</summary>
    public static bool IsDigits(string? digits) => digits is { Length: > 0 } && digits.All(char.IsAsciiDigit);
}
