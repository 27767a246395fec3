namespace Switchboard.Contracts.Help;

/// <summary>What a help button does besides showing its answer.</summary>
public static class HelpActions
{
    /// <summary>"Where is my order?": the verified shopper's latest order from the CRM, else asks for the order number.</summary>
    public const string OrderStatus = "order_status";
    /// <summary>The visitor wants a person: the bot stops answering and says an operator will come.</summary>
    public const string Person = "person";
}
