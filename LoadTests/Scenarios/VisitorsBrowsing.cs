using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Visitors browsing: the widget on every page of a shopper's visit — hello, page views with dwell, a cart
/// update — without chatting. The gateway accepts <c>page</c> and <c>cart</c> but does nothing with them until
/// proactive engagement arrives; then this scenario also answers invitations and measures their lateness
/// (see docs/benchmarks.md, "Not measurable yet").
/// </summary>
public static class VisitorsBrowsing
{
    public const string Name = "visitors browsing";

    private static readonly string[] Pages = ["/", "/product/blue-dress", "/product/green-scarf", "/cart"];

    public static Scenario Create(Target target, string site, TimeSpan dwell) =>
        Scenario.Create(Name, async context =>
        {
            await using var visitor = await context.StepAsync("connect", () => VisitorClient.ConnectAsync(target, site, context.CancellationToken));
            await context.StepAsync("hello", visitor.HelloAsync);
            foreach (var page in Pages)
            {
                await context.StepAsync("page view sent", () => visitor.PageAsync(page, "Demo store " + page));
                await Task.Delay(dwell, context.CancellationToken);
            }
            await context.StepAsync("cart sent", () => visitor.CartAsync("blue-dress-38", 79.90m));
        });
}
