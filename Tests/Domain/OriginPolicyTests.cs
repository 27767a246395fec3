using Microsoft.AspNetCore.Http;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Tests.Domain;

public sealed class OriginPolicyTests
{
    private static readonly string[] Allowed = ["https://shop.example", "http://localhost", "https://app.example:8443"];

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://gateway.test:5080", true)]
    [InlineData("https://shop.example", true)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("https://app.example:8443", true)]
    [InlineData("https://app.example:9443", false)]
    [InlineData("http://shop.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("https://shop.example.evil.example", false)]
    [InlineData("not a url", false)]
    public void Origins_are_judged_against_the_gateway_host_and_the_site_list(string? origin, bool allowed) =>
        Assert.Equal(allowed, OriginPolicy.IsAllowed(origin, new HostString("gateway.test:5080"), Allowed));
}
