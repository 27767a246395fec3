using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels;

/// <summary>One approved WhatsApp template in <c>PUT …/channels/whatsapp</c>: its name and language at Meta, what it says, what it stands in for.</summary>
public sealed record TemplateRequest(string? Name, string? Language, string? Body, string? Purpose)
{
    public const int MaxTemplates = 50;
    public const int MaxNameLength = 512;
    public const int MaxBodyLength = 1024;

    /// <summary>The template, or the problems by field name (<c>templates[0].name</c> …).</summary>
    public MessageTemplate? ToTemplate(int index, Dictionary<string, string[]> problems)
    {
        var field = $"templates[{index}]";
        if (string.IsNullOrEmpty(Name) || Name.Length > MaxNameLength || !Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            // Meta's own rule for template names.
            problems[$"{field}.name"] = [$"1-{MaxNameLength} characters a-z, 0-9 and _, as approved at Meta."];
        }
        if (!IsLanguageCode(Language))
        {
            problems[$"{field}.language"] = ["A language code as Meta writes it: en, ru, pt_BR."];
        }
        if (string.IsNullOrWhiteSpace(Body) || Body.Length > MaxBodyLength)
        {
            problems[$"{field}.body"] = [$"What the template says, at most {MaxBodyLength} characters."];
        }
        if (Purpose is not null && !TemplatePurposes.IsKnown(Purpose))
        {
            problems[$"{field}.purpose"] = [$"One of: {string.Join(", ", TemplatePurposes.All)}; or none."];
        }
        return problems.Keys.Any(k => k.StartsWith(field + ".", StringComparison.Ordinal))
            ? null
            : new MessageTemplate(Name!, Language!, Body!.Trim()) { Purpose = Purpose };
    }

    private static bool IsLanguageCode(string? code) =>
        code is { Length: >= 2 and <= 8 }
        && code.Split('_') is [var language, .. var regions] && regions.Length <= 1
        && language.Length is 2 or 3 && language.All(char.IsAsciiLetterLower)
        && regions.All(r => r.Length is >= 2 and <= 4 && r.All(char.IsAsciiLetter));
}
