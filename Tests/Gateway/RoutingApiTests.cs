using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class RoutingApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Supervisors_change_queues_with_validation_and_the_change_applies_to_the_next_chat()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var b2b = new
        {
            name = "Corporate clients",
            form = new[] { new { id = "company", label = "Company", required = true } },
            noAnswerSeconds = 90,
        };

        var asOperator = await Send(HttpMethod.Put, $"/api/sites/{site}/queues/b2b", await Host.LoginAsync(site, "anna"), b2b);
        var invalid = await Send(HttpMethod.Put, $"/api/sites/{site}/queues/b2b", supervisor, new { name = "B2B", noAnswerSeconds = 0 });
        var stored = await Send(HttpMethod.Put, $"/api/sites/{site}/queues/b2b", supervisor, b2b);
        var config = await (await Send(HttpMethod.Get, $"/api/sites/{site}/config", supervisor)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("queues.b2b", out _));
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        Assert.Contains("Corporate clients", config);
        Assert.DoesNotContain("pbkdf2", config);
        var tooMany = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/anna", supervisor,
            new { name = "Anna", role = "operator", queues = new[] { "general", "b2b" }, capacity = 11 });
        var skills = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/anna", supervisor,
            new { name = "Anna", role = "operator", queues = new[] { "general", "b2b" }, capacity = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, skills.StatusCode);

        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        var queue = welcome.GetProperty("site").GetProperty("queues").EnumerateArray().Single(q => q.Str("id") == "b2b");
        Assert.Equal("company", queue.GetProperty("form")[0].Str("id"));
        await visitor.SendAsync(new { type = "start_chat", id = "s1", queue = "b2b", text = "We need 40 uniforms" });
        Assert.Equal("bad_request", (await visitor.ExpectAsync("error")).Str("code"));
        await visitor.SendAsync(new { type = "start_chat", id = "s2", queue = "b2b", text = "We need 40 uniforms", form = new { company = "Acme" } });
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        Assert.Equal(("b2b", "Acme"), (assigned.Str("queue"), assigned.GetProperty("form").Str("company")));
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_transfer_reaches_the_new_operator_with_its_note_and_the_visitor_without_it()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Where is my order?" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");

        await anna.SendAsync(new { type = "transfer", conversationId, toOperator = "boris", note = "VIP, order 1234 is late" });

        var handedOver = await boris.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var transcriptNote = handedOver.GetProperty("transcript").EnumerateArray().Single(e => e.Str("type") == "transferred");
        Assert.Equal("VIP, order 1234 is late", transcriptNote.Str("note"));
        Assert.Equal("transfer", (await anna.ExpectAsync("unassigned")).Str("reason"));
        var seenByVisitor = await visitor.ExpectAsync("transferred");
        Assert.False(seenByVisitor.TryGetProperty("note", out _));
        Assert.Equal("Boris", seenByVisitor.GetProperty("toOperator").Str("name"));
        await visitor.ExpectAsync("assigned", f => f.GetProperty("operator").Str("name") == "Boris");
        foreach (var socket in new[] { anna, boris, visitor })
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_nobody_online_the_visitor_can_leave_a_phone_that_operators_see_in_the_queue()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site, new { type = "hello", language = "ru" });
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Перезвоните мне" });

        var auto = await visitor.ExpectAsync("message", f => f.Str("kind") == "auto");
        Assert.Contains("консультантов", auto.Str("text"));
        Assert.Equal(["callback", "leave_message"], auto.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await visitor.SendAsync(new { type = "callback", id = "cb1", phone = "+7 912 345-67-89" });
        await visitor.ExpectAsync("ack", f => f.Str("id") == "cb1");
        Assert.Equal("+7 912 345-67-89", (await visitor.ExpectAsync("callback")).Str("phone"));

        var token = await Host.LoginAsync(site, "anna");
        var queues = await (await Send(HttpMethod.Get, $"/api/sites/{site}/queues", token)).Content.ReadFromJsonAsync<JsonElement>();
        var waiting = queues.EnumerateArray().Single(q => q.Str("id") == "general").GetProperty("waiting");
        Assert.Equal("+7 912 345-67-89", waiting[0].Str("phone"));
        var directory = await (await Send(HttpMethod.Get, $"/api/sites/{site}/directory", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("offline", directory.GetProperty("operators")[0].Str("status"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, $"/api/sites/demo/queues", token)).StatusCode);
        await visitor.DisposeAsync();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
