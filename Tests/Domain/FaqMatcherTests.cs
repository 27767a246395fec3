using Switchboard.Contracts.Help;
using Switchboard.Domain.Help;

namespace Switchboard.Tests.Domain;

public sealed class FaqMatcherTests
{
    private static readonly FaqEntry[] Faq =
    [
        new("delivery", new("How long does delivery take?", "Сколько идёт доставка?"), new("2-4 days", "2-4 дня")),
        new("returns", new("How do I return an item?", "Как вернуть товар?"), new("Within 30 days", "В течение 30 дней"), ["refund", "возврат"]),
    ];

    [Theory]
    [InlineData("Сколько дней идет доставка?", "delivery", "достав, идет, скольк")]
    [InlineData("how long is the delivery to Kazan", "delivery", "delive, long")]
    [InlineData("Хочу вернуть товар, он не подошёл", "returns", "вернут, товар")]
    [InlineData("refund", "returns", "refund")]
    public void A_question_matches_the_entry_it_shares_the_most_word_stems_with_and_says_which(string question, string entry, string stems)
    {
        var match = FaqMatcher.Match(question, Faq);

        Assert.NotNull(match);
        Assert.Equal((entry, stems), (match.Entry.Id, string.Join(", ", match.SharedStems)));
    }

    [Theory]
    [InlineData("Здравствуйте")]
    [InlineData("Do you have this in red?")]
    [InlineData("Спасибо большое")]
    public void A_question_sharing_too_little_matches_nothing(string question) => Assert.Null(FaqMatcher.Match(question, Faq));
}
