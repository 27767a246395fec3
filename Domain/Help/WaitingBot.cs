using System.Text.RegularExpressions;
using Switchboard.Contracts.Help;

namespace Switchboard.Domain.Help;

/// <summary>
/// The help-while-waiting bot's rules, plain code: a button's label gets its answer or action; after "Where is my
/// order?" an order number is looked up; any other question is matched against the FAQ; nothing matched, nothing
/// said (the visitor waits for a person as before). Once the visitor asked for a person the bot stays quiet.
/// </summary>
public static partial class WaitingBot
{
    /// <param name="verifiedCustomer">The shopper's id when the site signed who they are: their orders can be looked up without asking.</param>
    public static BotStep? Answer(WaitingHelp help, string text, string? language, bool awaitingOrderNumber, bool verifiedCustomer)
    {
        var said = text.Trim();
        if (help.Buttons.FirstOrDefault(b => Same(b.Label.En, said) || Same(b.Label.Ru, said)) is { } button)
        {
            return button.Action switch
            {
                HelpActions.Person => new BotStep(BotTexts.Person(language), BotReasons.Person),
                HelpActions.OrderStatus when verifiedCustomer => new BotStep(null, BotReasons.Order, LookUpOrder: true),
                HelpActions.OrderStatus => new BotStep(BotTexts.AskOrderNumber(language), BotReasons.AskOrderNumber),
                _ when button.Answer is { } answer => new BotStep(answer.For(language), BotReasons.Button(button.Id)),
                _ => null,
            };
        }
        if (awaitingOrderNumber && OrderNumber().Match(said) is { Success: true } number)
        {
            return new BotStep(null, BotReasons.Order, LookUpOrder: true, OrderNumber: number.Value.ToUpperInvariant());
        }
        return FaqMatcher.Match(said, help.Faq) is { } match
            ? new BotStep(match.Entry.Answer.For(language), BotReasons.Faq(match))
            : null;
    }

    private static bool Same(string label, string said) => string.Equals(label.Trim(), said, StringComparison.OrdinalIgnoreCase);

    /// <summary>An order number: letters, digits and dashes with at least three digits (SB-10234, 457812).</summary>
    [GeneratedRegex(@"\b(?=[\p{L}\d-]*\d{3})[\p{L}\d][\p{L}\d-]{2,30}\b")]
    private static partial Regex OrderNumber();
}
