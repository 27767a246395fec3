using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Calls;

namespace Switchboard.Grains.Calls;

/// <summary>The overflow menu: order status, a callback, or waiting for an operator; and what a miss means.</summary>
public sealed partial class CallGrain
{
    private async Task<CallAnswer> Choose(string? digits)
    {
        if (!CallMenu.IsDigits(digits))
        {
            logger.LogWarning("Call {Site}/{Call}: DTMF '{Digits}' is not digits; the menu is repeated", _site, _callId, digits);
            return Miss(PhoneTexts.NotUnderstood(Call.Language));
        }
        switch (digits)
        {
            case CallMenu.OrderStatusKey:
                Call.MenuMisses = 0;
                return new CallAnswer(CallMenu.Again(Call.Language), Call.Language) { ReadOrderStatus = true };
            case CallMenu.CallbackKey:
                await Conversation().RequestCallback(Caller(), $"callback:{_callId}", Call.Caller);
                Call.Stage = CallStage.CallbackRequested;
                await Figures().CallbackRequested(_callId);
                return new CallAnswer([PhoneCommand.Say(PhoneTexts.CallbackTaken(Call.Language), Call.Language), PhoneCommand.Hangup], Call.Language);
            case CallMenu.WaitKey:
                Call.Stage = CallStage.Waiting;
                return new CallAnswer([PhoneCommand.Say(PhoneTexts.PleaseWait(Call.Language), Call.Language), PhoneCommand.Enqueue(Call.Queue)], Call.Language);
            default:
                return Miss(PhoneTexts.NotUnderstood(Call.Language));
        }
    }

    private CallAnswer Miss(string? why)
    {
        Call.MenuMisses++;
        return Call.MenuMisses >= CallMenu.MaxMisses
            ? new CallAnswer(CallMenu.Goodbye(Call.Language), Call.Language)
            : new CallAnswer(CallMenu.Again(Call.Language, why), Call.Language);
    }
}
