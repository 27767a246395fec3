using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Channels;
using Switchboard.Domain.Conversations;

namespace Switchboard.Tests.Domain;

/// <summary>The plain rules of what a messenger takes: WhatsApp's window and templates, delivery order, Telegram's length.</summary>
public sealed class MessengerRulesTests
{
    private static readonly DateTimeOffset Wrote = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly MessageTemplate Hold = new("still_working", "ru", "Мы всё ещё работаем над вашим вопросом.") { Purpose = TemplatePurposes.Hold };
    private static readonly MessageTemplate Chosen = new("follow_up", "en", "We have news about your request.");

    [Fact]
    public void The_window_is_open_for_24_hours_after_the_customers_last_message_and_never_without_one()
    {
        Assert.True(WhatsAppWindow.IsOpen(Wrote, Wrote + TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59)));
        Assert.False(WhatsAppWindow.IsOpen(Wrote, Wrote + TimeSpan.FromHours(24)));
        Assert.False(WhatsAppWindow.IsOpen(null, Wrote));
        Assert.Equal(Wrote.AddDays(1), WhatsAppWindow.ClosesAt(Wrote));
    }

    [Fact]
    public void Outside_the_window_an_automatic_message_becomes_its_template_and_anything_else_is_refused()
    {
        var late = Wrote + TimeSpan.FromHours(25);
        var hold = new OutboundMessage("seq:7", "Please wait") { Purpose = TemplatePurposes.Hold, CustomerWroteAt = Wrote };
        var joined = hold with { Purpose = TemplatePurposes.Joined };
        var operatorText = new OutboundMessage("a1", "Hello?") { CustomerWroteAt = Wrote };
        var operatorTemplate = operatorText with { Template = Chosen.Name, TemplateLanguage = "en" };

        var (asTemplate, _) = WhatsAppWindow.Prepare(hold, [Chosen, Hold], late);
        var (noTemplate, noTemplateWhy) = WhatsAppWindow.Prepare(joined, [Chosen, Hold], late);
        var (text, textWhy) = WhatsAppWindow.Prepare(operatorText, [Chosen, Hold], late);
        var (inside, _) = WhatsAppWindow.Prepare(operatorText, [], Wrote + TimeSpan.FromHours(1));

        Assert.Equal(("still_working", "ru", Hold.Body), (asTemplate!.Template, asTemplate.TemplateLanguage, asTemplate.Text));
        Assert.Equal((null, WhatsAppWindow.NoTemplateReason), (noTemplate, noTemplateWhy));
        Assert.Equal((null, WhatsAppWindow.ClosedReason), (text, textWhy));
        Assert.Same(operatorText, inside);
        Assert.Same(operatorTemplate, WhatsAppWindow.Prepare(operatorTemplate, [], late).Send);
        // Stored before messages carried the customer's time: the platform decides, as it did then.
        var older = operatorText with { CustomerWroteAt = null };
        Assert.Same(older, WhatsAppWindow.Prepare(older, [], late).Send);
    }

    [Theory]
    [InlineData(null, DeliveryStatus.Sent, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Failed, false)]
    public void Delivery_only_moves_forward(string? current, string next, bool advances) =>
        Assert.Equal(advances, DeliveryProgress.Advances(current, next));

    [Fact]
    public void Telegrams_limit_counts_the_authors_name_as_it_goes_out()
    {
        var text = new string('x', TelegramLimit.MaxCharacters - "Anna: ".Length);

        Assert.True(TelegramLimit.Fits("Anna", text));
        Assert.False(TelegramLimit.Fits("Anna", text + "x"));
        Assert.True(TelegramLimit.Fits(null, text + "xxxxxx"));
    }

    [Fact]
    public void The_history_knows_when_the_customer_last_wrote_and_operator_messages_do_not_move_it()
    {
        var history = new ConversationHistory();
        history.Apply(new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = Wrote, Channel = ChannelNames.WhatsApp, VisitorId = "whatsapp-1" });
        history.Apply(new ConversationEvent { Seq = 2, Type = EventTypes.Message, At = Wrote, From = Senders.Visitor, Text = "Hi" });
        history.Apply(new ConversationEvent { Seq = 3, Type = EventTypes.Message, At = Wrote.AddHours(2), From = Senders.Operator, Text = "Hello" });

        Assert.Equal(Wrote, history.CustomerWroteAt);
    }
}
