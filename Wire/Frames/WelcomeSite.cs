namespace Switchboard.Wire.Frames;

/// <summary>The site as the widget shows it: its name, language, default queue and each queue's pre-chat form.</summary>
public sealed record WelcomeSite(string Name, string Language, string DefaultQueue, IReadOnlyList<WelcomeQueue> Queues);
