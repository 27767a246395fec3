using Microsoft.Playwright;
using Switchboard.Tests.Attachments;

namespace Switchboard.Tests.Browser;

/// <summary>A shopper's video in the widget and the console: a player behind the first frame the server made (ffmpeg).</summary>
[Trait("Category", "Browser")]
public sealed class VideoAttachmentsInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Resolves with the poster's width once it has loaded; rejects (failing the test) when it does not.</summary>
    private const string LoadsPoster =
        "v => new Promise((ok, bad) => { const i = new Image(); i.onload = () => ok(i.naturalWidth); i.onerror = bad; i.src = v.poster; })";

    [Fact]
    public async Task A_visitor_s_video_shows_as_a_player_behind_its_first_frame_in_the_console_and_the_widget()
    {
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "The kettle leaks, see the video");
        await store.ClickAsync("[data-sb=send]");
        var chat = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chat).ToHaveCountAsync(1);
        await chat.ClickAsync();

        await store.SetInputFilesAsync("[data-sb=files]", new FilePayload
        {
            Name = "kettle.mp4", MimeType = "video/mp4", Buffer = await TestMedia.Mp4WithLocationAsync(),
        });
        await Assertions.Expect(store.Locator("[data-sb=upload][data-done]")).ToHaveCountAsync(1);
        await store.ClickAsync("[data-sb=send]");

        var received = console.Locator("#messages .msg[data-from=visitor]").Last.Locator("video.attachment-video");
        await Assertions.Expect(received).ToHaveCountAsync(1);
        Assert.True(await received.EvaluateAsync<int>(LoadsPoster) > 0);
        var sent = store.Locator("[data-sb=message][data-from=visitor] video[data-sb=file]");
        await Assertions.Expect(sent).ToHaveCountAsync(1);
        Assert.True(await sent.EvaluateAsync<int>(LoadsPoster) > 0);
        BrowserProblems.None(problems);
    }
}
