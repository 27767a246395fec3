using Switchboard.Contracts.Help;

namespace Switchboard.Domain.Help;

/// <summary>The FAQ entry a question matched, and the word stems they share: the explanation an operator can read.</summary>
public sealed record FaqMatch(FaqEntry Entry, IReadOnlyList<string> SharedStems);
