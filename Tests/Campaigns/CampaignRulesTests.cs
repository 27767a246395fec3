using Switchboard.Contracts.Campaigns;
using Switchboard.Domain.Campaigns;

namespace Switchboard.Tests.Campaigns;

/// <summary>The campaigns' plain rules: numbers, answers, calling hours, retries, scripts.</summary>
public sealed class CampaignRulesTests
{
    [Theory]
    [InlineData("+7 (900) 555-66-77", "+79005556677")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("89005556677", null)]
    [InlineData("+0123456789", null)]
    [InlineData("+7900", null)]
    [InlineData("+7900555667712345", null)]
    [InlineData("call me", null)]
    [InlineData("", null)]
    public void Numbers_are_taken_in_international_format_only(string written, string? expected) =>
        Assert.Equal(expected, PhoneNumbers.Normalize(written));

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("2", null, false)]
    [InlineData("3", null, null)]
    [InlineData(null, "да", true)]
    [InlineData(null, "Да, конечно", true)]
    [InlineData(null, "нет", false)]
    [InlineData(null, "Yes.", true)]
    [InlineData(null, "no thanks", false)]
    [InlineData(null, "maybe later", null)]
    [InlineData(null, null, null)]
    public void Answers_are_read_from_the_keypad_and_from_speech(string? digits, string? speech, bool? expected) =>
        Assert.Equal(expected, SpokenAnswer.Read(digits, speech));

    [Fact]
    public void Calling_hours_are_the_customers_local_hours_and_the_next_opening_is_in_their_zone()
    {
        var hours = new CallingHours(new TimeOnly(9, 0), new TimeOnly(21, 0), "Europe/Moscow");
        var moscow = CallingWindow.Zone("Europe/Moscow")!;
        var lateEvening = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero); // 22:00 in Moscow

        Assert.False(hours.IsOpen(lateEvening, moscow));
        Assert.True(hours.IsOpen(lateEvening, CallingWindow.Zone("America/New_York")!));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 6, 0, 0, TimeSpan.Zero), hours.NextOpen(lateEvening, moscow));
        Assert.Null(CallingWindow.Zone("Mars/Olympus"));
    }

    [Fact]
    public void Hours_that_end_where_they_start_are_open_around_the_clock_and_24_00_ends_the_day()
    {
        var moscow = CallingWindow.Zone("Europe/Moscow")!;
        var allDay = new CallingHours(TimeOnly.MinValue, TimeOnly.MinValue, "Europe/Moscow");
        var untilMidnight = new CallingHours(new TimeOnly(8, 0), TimeOnly.MinValue, "Europe/Moscow");
        var start = new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero); // 00:00 in Moscow

        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var at = start.AddMinutes(minute);
            Assert.True(allDay.IsOpen(at, moscow));
            Assert.Equal(at, allDay.NextOpen(at, moscow));
            Assert.Equal(minute >= 8 * 60, untilMidnight.IsOpen(at, moscow));
        }
        Assert.Equal(start.AddHours(8), untilMidnight.NextOpen(start, moscow));
    }

    [Fact]
    public void Retries_back_off_and_stop_at_the_attempt_limit()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), RetrySchedule.Next(1, 3, 10));
        Assert.Equal(TimeSpan.FromMinutes(20), RetrySchedule.Next(2, 3, 10));
        Assert.Null(RetrySchedule.Next(3, 3, 10));
        Assert.Equal(RetrySchedule.MaxDelay, RetrySchedule.Next(15, 20, 600));
    }

    [Fact]
    public void A_script_with_a_missing_prompt_names_it()
    {
        var prompts = new Dictionary<string, string> { ["offer"] = "Order {order}?", ["yes"] = "Thanks", ["no"] = "Bye" };

        Assert.Null(CampaignPrompts.Missing(CampaignKinds.QuoteReminder, prompts));
        Assert.Equal(CampaignPrompts.CrossSell, CampaignPrompts.Missing(CampaignKinds.OrderConfirmation, prompts));
    }

    [Fact]
    public void Prompts_are_filled_from_the_contacts_data()
    {
        const string order = """{"order":"SB-10042","items":[{"name":"Sofa"},{"name":"Pillow"}],"deliveryDate":"2026-12-10"}""";

        Assert.Equal("Order SB-10042: Sofa, Pillow on 2026-12-10, Anna", ContactData.Fill("Order {order}: {items} on {deliveryDate}, {name}", order, "Anna"));
        Assert.Equal("data lacks item, link (a back_in_stock call speaks them)", ContactData.Problem(CampaignKinds.BackInStock, ContactData.Parse(order)));
    }
}
