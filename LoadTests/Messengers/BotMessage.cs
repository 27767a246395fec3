namespace Switchboard.LoadTests.Messengers;

/// <summary>What a bot (or community, or business number) sent a person: to whom, the text, and the buttons under it.</summary>
public sealed record BotMessage(string ChatId, string Text, IReadOnlyList<BotButton> Buttons);
