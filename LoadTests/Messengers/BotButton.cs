namespace Switchboard.LoadTests.Messengers;

/// <summary>A button under a bot's message: its label, and what a tap sends back (Telegram's <c>callback_data</c>, WhatsApp's reply id, VK's payload).</summary>
public sealed record BotButton(string Label, string Data);
