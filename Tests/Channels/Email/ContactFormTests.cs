using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Tests.DailySummary;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels.Email;

/// <summary>
/// Contact forms posted to <c>/api/sites/{site}/forms/{form}</c>: waiting work with the form's fields in the queues,
/// answered by e-mail (a thread of its own, over the site's SMTP) or with a callback request; a flood held back.
/// </summary>
public sealed class ContactFormTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_form_answered_by_email_waits_with_its_fields_and_the_operators_answer_is_mailed_to_the_customer()
    {
        using var smtp = SmtpReceiver.Start();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        await ConfigureMailboxAsync(site, smtp.Port);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        var response = await Host.Http.PostAsync($"/api/sites/{site}/forms/returns", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Olga", ["email"] = "olga@customer.example", ["answerBy"] = "email", ["order"] = "A-1001", ["message"] = "The zip is broken.",
        }));
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var conversationId = assigned.Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "r1", text = "We will send a courier." });
        var answer = await smtp.Next("the answer to the form");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(conversationId, (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("conversationId"));
        Assert.Equal("email", assigned.GetProperty("visitor").Str("channel"));
        var first = await FirstVisitorMessage(site, conversationId);
        Assert.Equal("Contact form \"returns\"\norder: A-1001\nmessage: The zip is broken.\nAnswer by e-mail to olga@customer.example", first.Text);
        Assert.Equal(new Dictionary<string, string> { ["order"] = "A-1001", ["message"] = "The zip is broken." }, await StartedForm(site, conversationId));
        Assert.Equal(["olga@customer.example"], answer.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Re: Your request (returns)", answer.Subject);
        Assert.StartsWith("We will send a courier.", answer.TextBody);
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_form_asking_for_a_callback_waits_as_a_form_conversation_with_the_callback_request()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        var response = await Host.Http.PostAsJsonAsync($"/api/sites/{site}/forms/contact", new
        {
            name = "Petr", phone = "+7 900 111-22-33", answerBy = "callback", message = "Can you help me choose a sofa?",
        });
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = receipt.Str("conversationId");
        var events = await Events(site, conversationId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("form", events.First(e => e.Type == EventTypes.Started).Channel);
        Assert.Contains(events, e => e.Type == EventTypes.Message && e.Text!.EndsWith("Please call back: +7 900 111-22-33", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Type == EventTypes.Callback && e.Phone == "+7 900 111-22-33");
    }

    [Fact]
    public async Task A_bad_submission_names_its_fields_and_e_mail_is_not_offered_by_a_site_without_a_mailbox()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        var invalid = await Host.Http.PostAsJsonAsync($"/api/sites/{site}/forms/contact", new { email = "not an address", answerBy = "email" });
        var noPhone = await Host.Http.PostAsJsonAsync($"/api/sites/{site}/forms/contact", new { answerBy = "callback", message = "hi" });
        var noMailbox = await Host.Http.PostAsJsonAsync($"/api/sites/{site}/forms/contact", new { email = "a@b.example", message = "hi" });
        var badName = await Host.Http.PostAsJsonAsync($"/api/sites/{site}/forms/Bad_Name", new { email = "a@b.example" });

        Assert.Equal(["email"], await ProblemFields(invalid));
        Assert.Equal(["phone"], await ProblemFields(noPhone));
        Assert.Equal(["answerBy"], await ProblemFields(noMailbox));
        Assert.Equal(["form"], await ProblemFields(badName));
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.PostAsJsonAsync("/api/sites/no-such-site/forms/contact", new { phone = "+79001112233" })).StatusCode);
    }

    [Fact]
    public async Task A_flood_from_one_customer_address_is_held_back_with_429_and_what_came_before_it_waits_once_each()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < FormThrottleBurst + 2; i++)
        {
            answers.Add((await Host.Http.PostAsJsonAsync($"/api/sites/{site}/forms/contact", new { phone = "+79001112233", message = $"spam {i}" })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, FormThrottleBurst).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), answers);
    }

    private const int FormThrottleBurst = 3;

    private async Task ConfigureMailboxAsync(string site, int smtpPort)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/email")
        {
            Content = JsonContent.Create(new { address = "help@shop.example", smtpHost = "127.0.0.1", smtpPort, smtpSecurity = "None", inboundSecret = "mail-hook-secret-0123456789" }),
        };
        request.Headers.Authorization = new("Bearer", await Host.LoginAsync(site, "sup"));
        Assert.Equal(HttpStatusCode.NoContent, (await Host.Http.SendAsync(request)).StatusCode);
    }

    private static async Task<string[]> ProblemFields(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    private async Task<IReadOnlyList<ConversationEvent>> Events(string site, string conversationId) =>
        await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId))
            .GetEvents(new Actor(ActorKind.Supervisor, site, "sup"), 0, 100);

    private async Task<ConversationEvent> FirstVisitorMessage(string site, string conversationId) =>
        (await Events(site, conversationId)).First(e => e.Type == EventTypes.Message && e.From == Senders.Visitor);

    private async Task<IReadOnlyDictionary<string, string>?> StartedForm(string site, string conversationId) =>
        (await Events(site, conversationId)).First(e => e.Type == EventTypes.Started).Form;
}
