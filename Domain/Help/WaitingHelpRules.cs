using Switchboard.Contracts.Help;
using Switchboard.Domain.Conversations;

namespace Switchboard.Domain.Help;

/// <summary>What valid help-while-waiting is: buttons that fit as quick replies, texts in both languages, ids unique.</summary>
public static class WaitingHelpRules
{
    public const int MaxFaqEntries = 200;
    public const int MaxAnswerLength = 2000;

    public static void Validate(WaitingHelp help, Action<string, string> add)
    {
        if (help.Buttons.Count > QuickReplyButtons.MaxButtons)
        {
            add("waitingHelp.buttons", $"At most {QuickReplyButtons.MaxButtons} buttons.");
        }
        foreach (var button in help.Buttons)
        {
            if (!Texts(button.Label, QuickReplyButtons.MaxLength) || button.Answer is { } answer && !Texts(answer, MaxAnswerLength))
            {
                add("waitingHelp.buttons", $"Button '{button.Id}': a label of 1 to {QuickReplyButtons.MaxLength} characters and any answer up to {MaxAnswerLength}, in en and ru.");
            }
            if (button.Action is not (null or HelpActions.OrderStatus or HelpActions.Person) || button.Action is null && button.Answer is null)
            {
                add("waitingHelp.buttons", $"Button '{button.Id}': an answer, or the action order_status or person.");
            }
        }
        if (help.Faq.Count > MaxFaqEntries)
        {
            add("waitingHelp.faq", $"At most {MaxFaqEntries} entries.");
        }
        foreach (var entry in help.Faq.Where(e => !Texts(e.Question, MaxAnswerLength) || !Texts(e.Answer, MaxAnswerLength)))
        {
            add("waitingHelp.faq", $"Entry '{entry.Id}': a question and an answer in en and ru, each up to {MaxAnswerLength} characters.");
        }
        foreach (var duplicate in help.Buttons.Select(b => b.Id).Concat(help.Faq.Select(e => e.Id)).GroupBy(id => id).Where(g => g.Count() > 1))
        {
            add("waitingHelp", $"The id '{duplicate.Key}' is used twice.");
        }
    }

    private static bool Texts(LocalizedText? text, int max) =>
        text is not null && text.En?.Trim().Length is > 0 && text.En.Length <= max && text.Ru?.Trim().Length is > 0 && text.Ru.Length <= max;
}
