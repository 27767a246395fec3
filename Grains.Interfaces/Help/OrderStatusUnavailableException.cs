namespace Switchboard.Contracts.Help;

/// <summary>The CRM could not be asked (none configured, down, too slow): the bot says so and the visitor waits for a person.</summary>
public sealed class OrderStatusUnavailableException(string message) : Exception(message);
