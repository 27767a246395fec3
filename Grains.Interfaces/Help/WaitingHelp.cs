namespace Switchboard.Contracts.Help;

/// <summary>A site's help while waiting: the buttons shown while a chat is queued, and the FAQ free questions are matched against.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WaitingHelp")]
public sealed record WaitingHelp
{
    [Id(0)] public IReadOnlyList<HelpButton> Buttons { get; init; } = [];
    [Id(1)] public IReadOnlyList<FaqEntry> Faq { get; init; } = [];

    public bool IsOn => Buttons.Count > 0 || Faq.Count > 0;
}
