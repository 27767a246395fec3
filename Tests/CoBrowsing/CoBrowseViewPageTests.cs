using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.CoBrowsing;

/// <summary>The page the console draws a visitor's page into keeps its own policy: nothing runs, only the console frames it.</summary>
public sealed class CoBrowseViewPageTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_view_page_runs_no_script_submits_no_form_and_is_framed_only_by_the_console()
    {
        using var response = await fixture.Host.Http.GetAsync("/cobrowse/view");

        response.EnsureSuccessStatusCode();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'none'", policy);
        Assert.Contains("form-action 'none'", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // The console itself keeps the gateway's policy.
        using var console = await fixture.Host.Http.GetAsync("/console/");
        Assert.Contains("frame-ancestors 'none'", string.Join(";", console.Headers.GetValues("Content-Security-Policy")));
    }
}
