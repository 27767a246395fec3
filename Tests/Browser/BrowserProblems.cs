namespace Switchboard.Tests.Browser;

/// <summary>
/// The check every browser test ends with. <c>Assert.Empty</c> printed each problem cut at 50 characters — "script
/// error on http://…/dashboard/:" and nothing of the error itself — so a failure that did not come again could not be
/// read; this prints them whole.
/// </summary>
public static class BrowserProblems
{
    public static void None(IReadOnlyCollection<string> problems) =>
        Assert.True(problems.Count == 0, $"The browser reported {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
}
