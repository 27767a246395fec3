using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Switchboard.Tests.Browser.Accessibility;

/// <summary>
/// axe-core 4.14 (shipped inside the Deque.AxeCore packages, injected by Playwright) over pages as they are at each
/// check, with the WCAG 2.0 and 2.1 level A and AA rules only: the bar docs/accessibility.md promises. A test checks
/// each state it opens and asserts at the end, so one run lists every state's violations, not just the first.
/// </summary>
public sealed class AxeAudit
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        ResultTypes = [ResultType.Violations],
    };

    private readonly List<string> _failures = [];

    public async Task CheckAsync(IPage page, string state)
    {
        var result = await page.RunAxe(Options);
        if (result.Violations.Length > 0)
        {
            _failures.Add($"{state} ({page.Url}):\n{Describe(result.Violations)}");
        }
    }

    /// <summary>Fails naming, per state, each violated rule, its impact and the selectors of the elements that break it.</summary>
    public void AssertNoViolations() =>
        Assert.True(_failures.Count == 0, "axe-core found WCAG 2.1 A/AA violations in\n" + string.Join("\n\n", _failures));

    public static string Describe(IEnumerable<AxeResultItem> violations) => string.Join('\n', violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join('\n', v.Nodes.Select(n => $"    {n.Target}  {Summary(n)}"))));

    private static string Summary(AxeResultNode node)
    {
        var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
        return why is null ? node.Html : $"{node.Html}: {why}";
    }
}
