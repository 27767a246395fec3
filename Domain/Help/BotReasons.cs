namespace Switchboard.Domain.Help;

/// <summary>
/// The <c>reason</c> of a bot message: what it answered from, so the operator who joins can see why the bot said
/// it (<c>faq:delivery (достав, сроки)</c>: the entry and the word stems the question shared with it).
/// </summary>
public static class BotReasons
{
    public const string Greeting = "greeting";
    public const string Person = "person";
    public const string AskOrderNumber = "ask_order_number";
    public const string Order = "order";

    public static string Button(string id) => $"button:{id}";

    public static string Faq(FaqMatch match) => $"faq:{match.Entry.Id} ({string.Join(", ", match.SharedStems)})";
}
