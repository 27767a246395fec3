using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Help;
using Switchboard.Domain.Help;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Help while waiting: while a web chat is queued the bot greets with the site's buttons and answers what it can
/// (<see cref="WaitingBot"/>). Its messages are system messages of kind <c>bot</c> in the log, so the operator who
/// joins reads what it said; they are no answer, so the position, hold messages and deadlines carry on.
/// </summary>
public sealed partial class ConversationGrain
{
    /// <summary>The CRM is asked within this; a slow one must not hold the visitor's message up for long.</summary>
    public static readonly TimeSpan OrderLookupTimeout = TimeSpan.FromSeconds(5);

    private async Task GreetWhileWaiting()
    {
        if (await Help() is { Buttons.Count: > 0 } help)
        {
            await SayAsBot(help, BotTexts.Greeting(_history.Language), BotReasons.Greeting);
        }
    }

    /// <summary>The visitor's message <paramref name="text"/> is stored: the bot answers it if it can. Never fails the send.</summary>
    private async Task HelpWhileWaiting(string text)
    {
        if (_history.PersonRequested || await Help() is not { } help)
        {
            return;
        }
        try
        {
            var customerId = help.Buttons.Any(b => b.Action == HelpActions.OrderStatus) ? await Visitor().GetCustomerId() : null;
            if (WaitingBot.Answer(help, text, _history.Language, _history.AwaitingOrderNumber, customerId is not null) is not { } step)
            {
                return;
            }
            var reply = step.LookUpOrder ? await OrderReply(customerId, step.OrderNumber) : step.Text!;
            await SayAsBot(help, reply, step.Reason);
        }
        catch (Exception error) when (error is not SwitchboardException and not OperationCanceledException)
        {
            logger.LogWarning(error, "The waiting-help bot of conversation {Conversation} could not answer; the visitor waits for an operator", _key);
        }
    }

    /// <summary>Only for a web chat still waiting, on a site that set help up.</summary>
    private async Task<WaitingHelp?> Help() =>
        _history.Status == ConversationStatus.Queued && _history.Channel == ChannelNames.Web && (await _config.Get()).WaitingHelp is { IsOn: true } help
            ? help
            : null;

    private async Task<string> OrderReply(string? customerId, string? orderNumber)
    {
        try
        {
            using var timeout = new CancellationTokenSource(OrderLookupTimeout);
            var order = await orders.FindAsync(_site, orderNumber is null ? customerId : null, orderNumber, timeout.Token);
            return order is null ? BotTexts.NoOrder(_history.Language) : BotTexts.Order(_history.Language, order);
        }
        catch (Exception error) when (error is OrderStatusUnavailableException or OperationCanceledException)
        {
            logger.LogInformation("Order status for conversation {Conversation} unavailable: {Reason}", _key, error.Message);
            return BotTexts.OrdersUnavailable(_history.Language);
        }
    }

    /// <summary>A bot message; while the chat waits it carries the site's buttons again, so they stay at hand.</summary>
    private Task SayAsBot(WaitingHelp help, string text, string reason)
    {
        var buttons = reason == BotReasons.Person ? null : help.Buttons.Select(b => b.Label.For(_history.Language)).Take(QuickReplyButtons.MaxButtons).ToList();
        return Append([ConversationEvents.SystemMessage(_history.LastSeq + 1, clock.GetUtcNow(), MessageKinds.Bot, MessageText.Normalize(text, required: true)!, reason)
            with { QuickReplies = buttons is { Count: > 0 } ? buttons : null }]);
    }
}
