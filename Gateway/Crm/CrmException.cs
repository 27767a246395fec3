namespace Switchboard.Gateway.Crm;

/// <summary>The CRM could not give a customer card; the message says why, for the operator.</summary>
public sealed class CrmException(string message, bool timedOut = false) : Exception(message)
{
    public bool TimedOut { get; } = timedOut;
}
