using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.Tests.Channels.Email;
using Switchboard.Tests.DailySummary;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Browser;

/// <summary>
/// An e-mail and a contact form as the operator works them in the console: the subject and the form's fields are
/// shown as the customer sent them, the customer's address beside their name, and the operator's answer typed in the console goes out by SMTP to a mail server
/// the test runs.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EmailAndFormInConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Secret = "mail-hook-secret-0123456789";

    [Fact]
    public async Task The_console_shows_an_emails_subject_and_address_and_a_forms_fields_and_the_answers_go_out_by_smtp()
    {
        using var smtp = SmtpReceiver.Start();
        await ConfigureMailboxAsync(smtp.Port);
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");

        var mail = Mails.From("console-1@customer.example", "Blue coat", "Is the blue coat in stock in M?");
        Assert.Equal(HttpStatusCode.OK, (await PostMailAsync(Mails.Raw(mail))).StatusCode);
        var chats = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chats).ToHaveCountAsync(1);
        await chats.First.ClickAsync();
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]")).ToContainTextAsync("Subject: Blue coat");
        await Assertions.Expect(console.Locator("#messages .msg[data-from=visitor]")).ToContainTextAsync("Is the blue coat in stock in M?");
        // A web shopper's cart and referrer mean nothing for a mail: the panel leaves them out.
        await Assertions.Expect(console.Locator("#visitor-panel [data-row=cart], #visitor-panel [data-row=source]")).ToHaveCountAsync(0);
        await Assertions.Expect(console.Locator("#visitor-panel [data-row=email] dd")).ToHaveTextAsync(Mails.Customer);
        await console.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "switchboard-console-email.png") });
        await console.FillAsync("#reply", "Yes, we have it in M.");
        await console.ClickAsync("#send");
        var answer = await smtp.Next("the answer to the e-mail");

        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Host.Http.PostAsync("/api/sites/demo/forms/returns", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["name"] = "Olga", ["email"] = "olga@customer.example", ["answerBy"] = "email", ["order"] = "A-1001", ["message"] = "The zip is broken.",
            }))).StatusCode);
        await Assertions.Expect(chats).ToHaveCountAsync(2);
        await console.Locator("#chats li[data-conversation-id]:has-text('Olga')").ClickAsync();
        var form = console.Locator("#messages .msg[data-from=visitor]");
        await Assertions.Expect(form).ToContainTextAsync("order: A-1001");
        await Assertions.Expect(form).ToContainTextAsync("message: The zip is broken.");
        await Assertions.Expect(console.Locator("#visitor-panel [data-row=email] dd")).ToHaveTextAsync("olga@customer.example");
        await console.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "switchboard-console-form.png") });
        await console.FillAsync("#reply", "We will send a courier.");
        await console.ClickAsync("#send");
        var formAnswer = await smtp.Next("the answer to the form");

        Assert.Equal("Re: Blue coat", answer.Subject);
        Assert.Equal([Mails.Customer], answer.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("Yes, we have it in M.", answer.TextBody);
        Assert.Equal(["olga@customer.example"], formAnswer.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("We will send a courier.", formAnswer.TextBody);
        BrowserProblems.None(problems);
    }

    private async Task ConfigureMailboxAsync(int smtpPort)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/sites/demo/channels/email")
        {
            Content = JsonContent.Create(new { address = "help@shop.example", smtpHost = "127.0.0.1", smtpPort, smtpSecurity = "None", inboundSecret = Secret }),
        };
        request.Headers.Authorization = new("Bearer", await fixture.Host.LoginAsync("demo", "olga", GatewayHost.DemoPassword));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Host.Http.SendAsync(request)).StatusCode);
    }

    private async Task<HttpResponseMessage> PostMailAsync(byte[] raw)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/email/demo") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new("message/rfc822");
        request.Headers.Add("X-Switchboard-Mail-Secret", Secret);
        return await fixture.Host.Http.SendAsync(request);
    }
}
