namespace Switchboard.LoadTests.Wire;

/// <summary>The names of the latencies the clients measure themselves, as they appear in reports.</summary>
public static class Measures
{
    public const string Assignment = "assignment (start_chat → operator's assigned)";
    public const string DeliveryToOperator = "delivery visitor → operator";
    public const string DeliveryToVisitor = "delivery operator → visitor";
    public const string OperatorReplyAck = "operator reply ack";
    public const string OperatorErrors = "operator error frames";
}
