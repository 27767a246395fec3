namespace Switchboard.Domain.Help;

/// <summary>
/// What the bot does about a visitor message while the chat waits: say <see cref="Text"/> (with <see cref="Reason"/>),
/// or, when <see cref="LookUpOrder"/>, first ask the CRM (by the verified customer, or by <see cref="OrderNumber"/>).
/// </summary>
public sealed record BotStep(string? Text, string Reason, bool LookUpOrder = false, string? OrderNumber = null);
