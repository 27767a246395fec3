using Microsoft.Playwright;
using Switchboard.Tests.Attachments;

namespace Switchboard.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class AttachmentsInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_sends_a_photo_and_a_document_the_operator_opens_the_photo_and_sends_a_file_back()
    {
        var problems = new List<string>();
        var console = await fixture.SignInAsync(problems, "anna");
        await console.SelectOptionAsync("#status", "online");
        var store = await fixture.NewPageAsync(problems);
        await store.GotoAsync("/product/cloud-hoodie");
        await store.ClickAsync("[data-sb=launcher]");
        await store.FillAsync("[data-sb=input]", "My kettle arrived broken");
        await store.ClickAsync("[data-sb=send]");
        var chat = console.Locator("#chats li[data-conversation-id]");
        await Assertions.Expect(chat).ToHaveCountAsync(1);
        await chat.ClickAsync();

        // Two files at once from the widget's file picker; each uploads with its own progress bar.
        await store.SetInputFilesAsync("[data-sb=files]", new[]
        {
            new FilePayload { Name = "kettle.jpg", MimeType = "image/jpeg", Buffer = TestFiles.PhoneJpeg(240, 120) },
            new FilePayload { Name = "receipt.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() },
        });
        await Assertions.Expect(store.Locator("[data-sb=upload][data-done]")).ToHaveCountAsync(2);
        await store.ClickAsync("[data-sb=send]");

        var received = console.Locator("#messages .msg[data-from=visitor]").Last;
        await Assertions.Expect(received.Locator(".attachment-file")).ToContainTextAsync("receipt.pdf");
        await Assertions.Expect(received.Locator(".attachment-image img")).ToHaveCountAsync(1);
        await received.Locator(".attachment-image").ClickAsync();
        var full = console.Locator("dialog.image-viewer[open] img");
        await Assertions.Expect(full).ToBeVisibleAsync();
        await full.EvaluateAsync("img => img.decode()"); // rejects, failing the test, if the image does not load
        // The full image is upright (EXIF orientation applied) and is the re-encoded one.
        Assert.Equal(240, await full.EvaluateAsync<int>("img => img.naturalHeight"));
        await console.Keyboard.PressAsync("Escape");

        await console.SetInputFilesAsync("#reply-form input[type=file]", new FilePayload
        {
            Name = "size-chart.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf(),
        });
        await Assertions.Expect(console.Locator(".upload.done")).ToHaveCountAsync(1);
        await console.ClickAsync("#send");

        var answer = store.Locator("[data-sb=message][data-from=operator] [data-sb=file]");
        await Assertions.Expect(answer).ToContainTextAsync("size-chart.pdf");
        var thumbnail = store.Locator("[data-sb=message][data-from=visitor] [data-sb=file] img");
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        await thumbnail.EvaluateAsync("img => img.decode()");
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        BrowserProblems.None(problems);
    }
}
