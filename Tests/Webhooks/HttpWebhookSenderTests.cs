using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Silo.Webhooks;

namespace Switchboard.Tests.Webhooks;

/// <summary>The silo's way to a retailer's endpoint: signed bodies, a bounded wait, and no way into private networks in cluster mode.</summary>
public sealed class HttpWebhookSenderTests
{
    private const string Secret = "receiver-shared-secret";
    private static readonly WebhookNotice Notice = new("c-1-1", WebhookEvents.ConversationStarted, DateTimeOffset.UnixEpoch, "{}");

    [Fact]
    public async Task A_delivery_carries_a_signature_the_receiver_can_verify_over_the_exact_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var body = Encoding.UTF8.GetBytes("""{"id":"c-1-1-crm","timestamp":1764835200,"data":{}}""");

        var outcome = await Sender(allowPrivate: true).SendAsync(Endpoint(receiver.Url), Notice, "c-1-1-crm", body, CancellationToken.None);
        var received = await receiver.Next("the delivery");

        Assert.True(outcome.Delivered);
        Assert.Equal(204, outcome.StatusCode);
        Assert.Equal(body, received.Body);
        Assert.True(WebhookSignature.Verify(Secret, received.Body, received.Headers[WebhookSignature.Header]));
        Assert.False(WebhookSignature.Verify("another-secret-entirely", received.Body, received.Headers[WebhookSignature.Header]));
        Assert.False(WebhookSignature.Verify(Secret, Encoding.UTF8.GetBytes("""{"id":"c-1-1-crm","timestamp":1764835201,"data":{}}"""), received.Headers[WebhookSignature.Header]));
        Assert.Equal("c-1-1-crm", received.Headers[HttpWebhookSender.DeliveryHeader]);
        Assert.Equal(WebhookEvents.ConversationStarted, received.Headers[HttpWebhookSender.EventHeader]);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_fails_the_attempt_after_the_timeout()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Hang = true;
        var timer = Stopwatch.StartNew();

        var outcome = await Sender(allowPrivate: true, timeoutSeconds: 1).SendAsync(Endpoint(receiver.Url), Notice, "d", [], CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Equal("No answer within 1 s.", outcome.Error);
        Assert.InRange(timer.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task In_cluster_mode_a_url_that_reaches_loopback_is_refused_when_connecting(string host)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // As if the name had resolved to a public address when the endpoint was registered (DNS rebinding).
        var url = new UriBuilder(receiver.Url) { Host = host }.Uri;

        var outcome = await Sender(allowPrivate: false).SendAsync(Endpoint(url), Notice, "d", [], CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Contains("loopback or private", outcome.Error);
        Assert.True(receiver.NothingReceived);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var (app, address) = await Infrastructure.LoopbackApp.StartAsync(app =>
            app.MapPost("/hooks", () => Results.Redirect("http://169.254.169.254/latest")));
        await using var _ = app;

        var outcome = await Sender(allowPrivate: true).SendAsync(Endpoint(new Uri(address, "/hooks")), Notice, "d", [], CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Equal(302, outcome.StatusCode);
    }

    private static WebhookEndpoint Endpoint(Uri url) => new("crm", url.ToString(), Secret, [WebhookEvents.ConversationStarted]);

    private static HttpWebhookSender Sender(bool allowPrivate, double timeoutSeconds = 5) =>
        new(GuardedHttp.Create(new WebhookOptions { AllowPrivateNetworks = allowPrivate, TimeoutSeconds = timeoutSeconds }));
}
